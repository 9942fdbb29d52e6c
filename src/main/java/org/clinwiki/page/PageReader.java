package org.clinwiki.page;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.clinwiki.db.Database;
import org.clinwiki.db.Prefix;
import org.clinwiki.diff.LineDiff;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.User;
import org.jdbi.v3.core.Handle;

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

    // Bounded by size: both only spare queries and work that can always be redone.
    private final Cache<MarkedKey, SafeHtml> marked;
    private final Cache<ContributorsKey, List<Author>> contributors = Caffeine.newBuilder().maximumSize(20_000).build();

    /** {@code markedCacheBytes} bounds the cache of renderings with their red links marked. */
    public PageReader(Database database, Renderer renderer, RenderCache renderCache, long markedCacheBytes,
                      Permissions permissions) {
        this.database = database;
        this.renderer = renderer;
        this.renderCache = renderCache;
        this.permissions = permissions;
        this.marked = Caffeine.newBuilder().maximumWeight(markedCacheBytes)
                .weigher((MarkedKey key, SafeHtml html) -> html.html().length() * 2 + 64).build();
    }

    /**
     * The number of the latest change to any page (an edit, protection, deletion or restore).
     * A page view depends on other pages too (red links, category lists), so an anonymous view
     * is the same while this number is.
     */
    public long changeSequence() {
        return database.reader().withExtension(PageStore.class, PageStore::changeSequence);
    }

    public Optional<Page> find(Title title, Optional<User> viewer) {
        boolean seeDeleted = permissions.canViewDeleted(viewer);
        return database.reader().withExtension(PageStore.class, pages -> pages.find(title))
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
        return database.reader().withHandle(handle -> {
            RevisionStore revisions = handle.attach(RevisionStore.class);
            Revision revision = ofPage(revisions, page, revisionId);
            // The text is read only to render a revision not in the cache, or when the caller asks for it.
            RenderedPage rendered = renderCache.get(revisionId, id -> renderer.render(revisions.content(id)));
            long sequence = handle.attach(PageStore.class).changeSequence();
            SafeHtml html = marked.get(new MarkedKey(revisionId, sequence), key -> markMissing(handle, rendered));
            return new Article(page, revision, () -> markdown(revisionId), rendered, html, sequence);
        });
    }

    /**
     * A rendering with red links marked is good until any page changes (one could be created or
     * deleted): keyed by revision and page-change number, it is found again on the next view.
     */
    private record MarkedKey(long revisionId, long changeSequence) {
    }

    public Revision revision(Title title, long revisionId, Optional<User> viewer) {
        Page page = require(title, viewer);
        return database.reader().withExtension(RevisionStore.class, revisions -> revisions.find(revisionId))
                .filter(revision -> revision.pageId() == page.id())
                .orElseThrow(() -> new PageNotFoundException(title, revisionId));
    }

    /** Newest first, revisions older than {@code before}. */
    public List<Revision> history(Title title, long before, int limit, Optional<User> viewer) {
        Page page = require(title, viewer);
        return database.reader().withExtension(RevisionStore.class, revisions -> revisions.history(page.id(), before, limit));
    }

    /** Who wrote the page, most revisions first; the same until the page has a new revision. */
    public List<Author> contributors(Page page, int limit) {
        return contributors.get(new ContributorsKey(page.latestRevisionId(), limit), key -> database.reader()
                .withExtension(RevisionStore.class, revisions -> revisions.contributors(page.id(), limit)));
    }

    private record ContributorsKey(long latestRevisionId, int limit) {
    }

    /**
     * Compares two revisions of one page (in either order). Without {@code fromId}, compares
     * {@code toId} with the revision before it, or with nothing if it created the page.
     */
    public RevisionDiff diff(Title title, OptionalLong fromId, long toId, Optional<User> viewer) {
        Page page = require(title, viewer);
        return database.reader().withHandle(handle -> {
            RevisionStore revisions = handle.attach(RevisionStore.class);
            Revision to = ofPage(revisions, page, toId);
            OptionalLong effectiveFrom = fromId.isPresent() ? fromId : to.parentId();
            Optional<Revision> from = effectiveFrom.isPresent()
                    ? Optional.of(ofPage(revisions, page, effectiveFrom.getAsLong())) : Optional.empty();
            String oldText = from.map(revision -> revisions.content(revision.id())).orElse("");
            var diff = LineDiff.compare(oldText, revisions.content(toId));
            Optional<Revision> previous = from.flatMap(revision -> revision.parentId().isPresent()
                    ? revisions.find(revision.parentId().getAsLong()) : Optional.empty());
            return new RevisionDiff(page, from, to, diff, previous, revisions.next(page.id(), to.id()));
        });
    }

    private static Revision ofPage(RevisionStore revisions, Page page, long revisionId) {
        return revisions.find(revisionId).filter(r -> r.pageId() == page.id())
                .orElseThrow(() -> new PageNotFoundException(page.title(), revisionId));
    }

    /** Live pages that link to {@code title}, after a title (for paging). */
    public List<Backlink> backlinks(Title title, Optional<Title> after, int limit) {
        String afterNamespace = after.map(t -> t.namespace().key()).orElse("");
        String afterName = after.map(Title::name).orElse("");
        return database.reader().withExtension(PageStore.class, pages ->
                pages.backlinks(title.namespace().key(), title.name(), afterNamespace, afterName, limit));
    }

    /** Titles in a namespace starting with {@code prefix}, after {@code after}, by name. */
    public List<Title> titles(Namespace namespace, String prefix, String after, int limit, Optional<User> viewer) {
        Prefix range = Prefix.of(prefix);
        boolean includeDeleted = permissions.canViewDeleted(viewer);
        return database.reader().withExtension(PageStore.class, pages ->
                pages.titles(namespace.key(), range.from(), range.until(), after == null ? "" : after, includeDeleted, limit));
    }

    /** Titles linked to but not written, most linked first. */
    public List<Wanted> wanted(int limit) {
        return database.reader().withExtension(PageStore.class, pages -> pages.wanted(limit));
    }

    /** Articles nothing links to, by title, after {@code after}. */
    public List<Title> orphaned(String after, int limit) {
        return database.reader().withExtension(PageStore.class, pages -> pages.orphaned(after, limit));
    }

    /** A random article, if there is any. */
    public Optional<Title> random() {
        return database.reader().withExtension(PageStore.class, PageStore::random);
    }

    /** Whether the wiki has any page at all, deleted ones included. */
    public boolean hasAnyPage() {
        return database.reader().withExtension(PageStore.class, PageStore::countAll) > 0;
    }

    /** Renders text that is not saved (an edit preview), marking missing link targets. */
    public SafeHtml preview(String markdown) {
        RenderedPage rendered = renderer.render(PageText.normalize(markdown));
        return database.reader().withHandle(handle -> markMissing(handle, rendered));
    }

    /** The text of a revision. */
    public String markdown(long revisionId) {
        return database.reader().withExtension(RevisionStore.class, revisions -> revisions.content(revisionId));
    }

    // One query per namespace among the links, however many links the page has.
    private static SafeHtml markMissing(Handle handle, RenderedPage rendered) {
        if (rendered.links().isEmpty()) {
            return rendered.html();
        }
        Map<Namespace, List<String>> byNamespace = new EnumMap<>(Namespace.class);
        for (Title link : rendered.links()) {
            byNamespace.computeIfAbsent(link.namespace(), n -> new ArrayList<>()).add(link.name());
        }
        PageStore pages = handle.attach(PageStore.class);
        Set<Title> missing = new HashSet<>(rendered.links());
        byNamespace.forEach((namespace, names) -> {
            for (String name : pages.existing(namespace.key(), names)) {
                missing.remove(new Title(namespace, name));
            }
        });
        return rendered.htmlMarking(missing);
    }
}
