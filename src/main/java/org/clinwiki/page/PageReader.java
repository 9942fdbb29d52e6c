package org.clinwiki.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.db.Database;
import org.clinwiki.db.Transaction;
import org.clinwiki.db.Prefix;
import org.clinwiki.diff.LineDiff;
import org.clinwiki.diff.TextDiff;
import org.clinwiki.limit.Gate;
import org.clinwiki.render.FileSource;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.User;

/**
 * Reading pages: articles (latest or old revisions) rendered through the cache, revisions,
 * diffs, backlinks and title lists. Deleted pages are visible only to viewers allowed to see
 * them; to everyone else they do not exist. Thread-safe.
 */
public final class PageReader {

    private final Database database;
    private final Renderer renderer;
    private final RenderCache renderCache;
    private final Permissions permissions;
    private final Gate diffs;
    private final Gate renders;
    private final FileSource files;

    // Bounded by size: both only spare queries and work that can always be redone.
    private final Cache<MarkedKey, Shown> marked;
    private final Cache<ContributorsKey, List<Author>> contributors = Caffeine.newBuilder().maximumSize(20_000).build();

    /**
     * {@code markedCacheBytes} bounds the cache of renderings with their red links marked;
     * {@code diffs} and {@code renders} bound how many diffs and renderings are computed at once.
     */
    public PageReader(Database database, Renderer renderer, RenderCache renderCache, long markedCacheBytes,
                      Permissions permissions, Gate diffs, Gate renders, FileSource files) {
        this.files = files;
        this.database = database;
        this.diffs = diffs;
        this.renders = renders;
        this.renderer = renderer;
        this.renderCache = renderCache;
        this.permissions = permissions;
        this.marked = Caffeine.newBuilder().maximumWeight(markedCacheBytes)
                .weigher((MarkedKey key, Shown shown) -> shown.html().html().length() * 2 + 64).build();
    }

    /**
     * The number of the latest change to any page (an edit, protection, deletion or restore).
     * A page view depends on other pages too (red links, category lists), so an anonymous view
     * is the same while this number is.
     */
    public long changeSequence() {
        return database.read(PageStore.class, PageStore::changeSequence);
    }

    public Optional<Page> find(Title title, Optional<User> viewer) {
        boolean seeDeleted = permissions.canViewDeleted(viewer);
        return database.read(PageStore.class, pages -> pages.find(title))
                .filter(page -> !page.deleted() || seeDeleted);
    }

    public Page require(Title title, Optional<User> viewer) {
        return find(title, viewer).orElseThrow(() -> new PageNotFoundException(title));
    }

    /** The page's latest revision, rendered. */
    public Article article(Title title, Optional<User> viewer) {
        Page page = require(title, viewer);
        return article(page, page.latestRevisionId());
    }

    /** The latest revision of a page the caller has just found (and so may see), rendered. */
    public Article article(Page page) {
        return article(page, page.latestRevisionId());
    }

    /** An old (or the latest) revision of the page, rendered. */
    public Article article(Title title, long revisionId, Optional<User> viewer) {
        return article(require(title, viewer), revisionId);
    }

    private Article article(Page page, long revisionId) {
        record Found(Revision revision, long sequence) {
        }
        Found found = database.read(handle -> new Found(ofPage(handle.attach(RevisionStore.class), page, revisionId),
                handle.attach(PageStore.class).changeSequence()));
        Shown shown = marked.get(new MarkedKey(revisionId, found.sequence()), key -> show(page.title(), revisionId));
        // Sections of an old revision are not the page's sections now: editing one would edit another text.
        SafeHtml html = revisionId == page.latestRevisionId() ? shown.html() : RenderedPage.withoutSectionEdits(shown.html());
        return new Article(page, found.revision(), () -> markdown(revisionId), shown.rendered(), html, found.sequence());
    }

    /**
     * A revision rendered as the wiki stands: from the cache if the templates it used are still
     * at the revisions it shows, else rendered again; then with links to missing pages marked.
     */
    private Shown show(Title title, long revisionId) {
        RenderedPage cached = renderCache.get(revisionId, id -> render(title, id));
        Optional<SafeHtml> html = database.read(handle -> templatesUnchanged(handle, cached.templates())
                ? Optional.of(RedLinks.mark(handle, cached)) : Optional.empty());
        if (html.isPresent()) {
            return new Shown(cached, RedLinks.fillFiles(html.get(), cached, files));
        }
        RenderedPage fresh = render(title, revisionId);
        renderCache.put(revisionId, fresh);
        return new Shown(fresh, RedLinks.fillFiles(database.read(handle -> RedLinks.mark(handle, fresh)), fresh, files));
    }

    // Rendered outside any connection: a long page must not hold one the other readers need.
    private RenderedPage render(Title title, long revisionId) {
        String text = markdown(revisionId);
        return renders.call(() -> renderer.renderOrShowSource(text, title));
    }

    private static boolean templatesUnchanged(Transaction handle, Map<Title, Long> templates) {
        if (templates.isEmpty()) {
            return true;
        }
        TemplateStore store = handle.attach(TemplateStore.class);
        for (Map.Entry<Title, Long> used : templates.entrySet()) {
            long latest = store.latestRevision(used.getKey().namespace().key(), used.getKey().name()).orElse(0L);
            if (latest != used.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A rendering and its HTML with red links marked, as of one page-change number. */
    private record Shown(RenderedPage rendered, SafeHtml html) {
    }

    /**
     * A rendering with red links marked is good until any page changes (one could be created or
     * deleted, or a template edited): keyed by revision and page-change number, it is found
     * again on the next view.
     */
    private record MarkedKey(long revisionId, long changeSequence) {
    }

    public Revision revision(Title title, long revisionId, Optional<User> viewer) {
        Page page = require(title, viewer);
        return database.read(RevisionStore.class, revisions -> revisions.find(revisionId))
                .filter(revision -> revision.pageId() == page.id())
                .orElseThrow(() -> new PageNotFoundException(title, revisionId));
    }

    /** Newest first, revisions older than {@code before}. */
    public List<Revision> history(Title title, long before, int limit, Optional<User> viewer) {
        Page page = require(title, viewer);
        return database.read(RevisionStore.class, revisions -> revisions.history(page.id(), before, limit));
    }

    /** Who wrote the page, most revisions first; the same until the page has a new revision. */
    public List<Author> contributors(Page page, int limit) {
        return contributors.get(new ContributorsKey(page.latestRevisionId(), limit), key -> database
                .read(RevisionStore.class, revisions -> revisions.contributors(page.id(), limit)));
    }

    private record ContributorsKey(long latestRevisionId, int limit) {
    }

    /**
     * Compares two revisions of one page (in either order). Without {@code fromId}, compares
     * {@code toId} with the revision before it, or with nothing if it created the page.
     */
    public RevisionDiff diff(Title title, OptionalLong fromId, long toId, Optional<User> viewer) {
        Page page = require(title, viewer);
        record Compared(Optional<Revision> from, Revision to, String oldText, String newText, Optional<Revision> previous,
                        Optional<Revision> next) {
        }
        Compared compared = database.read(handle -> {
            RevisionStore revisions = handle.attach(RevisionStore.class);
            Revision to = ofPage(revisions, page, toId);
            OptionalLong effectiveFrom = fromId.isPresent() ? fromId : to.parentId();
            Optional<Revision> from = effectiveFrom.isPresent()
                    ? Optional.of(ofPage(revisions, page, effectiveFrom.getAsLong())) : Optional.empty();
            Optional<Revision> previous = from.flatMap(revision -> revision.parentId().isPresent()
                    ? revisions.find(revision.parentId().getAsLong()) : Optional.empty());
            return new Compared(from, to, from.map(revision -> revisions.content(revision.id())).orElse(""),
                    revisions.content(toId), previous, revisions.next(page.id(), to.id()));
        });
        // Compared outside the connection, and only so many at once: a diff of two long revisions costs CPU and memory.
        TextDiff diff = diffs.call(() -> LineDiff.compare(compared.oldText(), compared.newText()));
        return new RevisionDiff(page, compared.from(), compared.to(), diff, compared.previous(), compared.next());
    }

    /** Compares two texts that are not (both) revisions, such as an edit against the latest text, through the same gate. */
    public TextDiff compare(String oldText, String newText) {
        return diffs.call(() -> LineDiff.compare(oldText, newText));
    }

    private static Revision ofPage(RevisionStore revisions, Page page, long revisionId) {
        return revisions.find(revisionId).filter(r -> r.pageId() == page.id())
                .orElseThrow(() -> new PageNotFoundException(page.title(), revisionId));
    }

    /** Live pages that link to {@code title}, after a title (for paging). */
    public List<Backlink> backlinks(Title title, Optional<Title> after, int limit) {
        String afterNamespace = after.map(t -> t.namespace().key()).orElse("");
        String afterName = after.map(Title::name).orElse("");
        return database.read(PageStore.class, pages ->
                pages.backlinks(title.namespace().key(), title.name(), afterNamespace, afterName, limit));
    }

    /** Live pages that transclude {@code title} (at any depth), after a title (for paging). */
    public List<Title> transclusions(Title title, Optional<Title> after, int limit) {
        String afterNamespace = after.map(t -> t.namespace().key()).orElse("");
        String afterName = after.map(Title::name).orElse("");
        return database.read(TemplateStore.class, store ->
                store.users(title.namespace().key(), title.name(), afterNamespace, afterName, limit));
    }

    /** Titles in a namespace starting with {@code prefix}, after {@code after}, by name. */
    public List<Title> titles(Namespace namespace, String prefix, String after, int limit, Optional<User> viewer) {
        Prefix range = Prefix.of(prefix);
        boolean includeDeleted = permissions.canViewDeleted(viewer);
        return database.read(PageStore.class, pages ->
                pages.titles(namespace.key(), range.from(), range.until(), after == null ? "" : after, includeDeleted, limit));
    }

    /** Titles linked to but not written, most linked first. */
    public List<Wanted> wanted(int limit) {
        return database.read(PageStore.class, pages -> pages.wanted(limit));
    }

    /** Articles nothing links to, by title, after {@code after}. */
    public List<Title> orphaned(String after, int limit) {
        return database.read(PageStore.class, pages -> pages.orphaned(after, limit));
    }

    /** A random article, if there is any. */
    public Optional<Title> random() {
        return database.read(PageStore.class, PageStore::random);
    }

    /** Whether a page of this title exists or existed (deleted). */
    public boolean everExisted(Title title) {
        return database.read(PageStore.class, pages -> pages.find(title)).isPresent();
    }


    /** The text of a revision. */
    public String markdown(long revisionId) {
        return database.read(RevisionStore.class, revisions -> revisions.content(revisionId));
    }
}
