package org.clinwiki.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.ConflictException;
import org.clinwiki.InvalidInputException;
import org.clinwiki.db.Database;
import org.clinwiki.diff.ThreeWayMerge;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.AuditStore;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;
import org.clinwiki.user.Throttle;

/**
 * Changes to pages' text: saving (with three-way merge against a stale base), importing and
 * reverting; {@link PageModeration} protects, deletes and restores. Each change is one transaction on the single writer connection: the
 * revision, the page pointer, links, categories and redirect commit together. Thread-safe.
 */
public final class PageService {

    private final Database database;
    private final Renderer renderer;
    private final RenderCache renderCache;
    private final Permissions permissions;
    private final Clock clock;
    private final long maxPageBytes;
    private final AfterCommit afterCommit;
    private final Throttle edits;

    public PageService(Database database, Renderer renderer, RenderCache renderCache, Permissions permissions,
                       Clock clock, long maxPageBytes, int editsPerMinute, PageListener listener) {
        this.edits = new Throttle(editsPerMinute, Duration.ofMinutes(1));
        this.database = database;
        this.renderer = renderer;
        this.renderCache = renderCache;
        this.permissions = permissions;
        this.clock = clock;
        this.maxPageBytes = maxPageBytes;
        this.afterCommit = new AfterCommit(listener);
    }

    /**
     * Saves an edit. If the page moved on since the edit's base revision, the two changes are
     * merged three-way; a clash throws {@link EditConflictException}. Identical text writes nothing.
     */
    public SaveResult save(Actor actor, Edit edit) {
        if (edit.markdown() == null) {
            throw new InvalidInputException("missing_markdown", "The page text (markdown) is required.");
        }
        checkSize(edit.markdown());
        throttle(actor);
        String text = PageText.normalize(edit.markdown());
        String summary = PageText.summary(edit.summary());
        // Parsing happens before taking the write lock; only a merge parses again inside it.
        Prepared prepared = Prepared.parsing(renderer, text);
        Saved saved = database.writer().inTransaction(handle -> saveIn(Stores.of(handle), actor, edit, summary, prepared));
        return afterCommit(saved);
    }

    /**
     * Saves {@code markdown} as the page's new text whatever it holds now (no merge): for
     * imports, where the file is the authority.
     */
    public SaveResult replace(Actor actor, Title title, String markdown, String summary) {
        return replaceAll(actor, List.of(new Replacement(title, markdown, summary))).getFirst();
    }

    /**
     * {@link #replace} for many pages in one transaction: one disk sync for the lot instead of
     * one per page, and the parsing spread over the cores beforehand. All or nothing: a page
     * that breaks a rule fails the whole batch, so check sizes and titles first.
     */
    public List<SaveResult> replaceAll(Actor actor, List<Replacement> replacements) {
        return replaceAll(actor, prepare(replacements));
    }

    /**
     * Parses a batch for {@link #replaceAll(Actor, ParsedBatch)}, on all cores. Separate so an
     * import can parse the next batch while the writer stores this one.
     */
    public ParsedBatch prepare(List<Replacement> replacements) {
        // Imports come in bulk: only parse (links, categories); pages render when first viewed.
        replacements.forEach(replacement -> checkSize(replacement.markdown()));
        List<Prepared> prepared = replacements.parallelStream()
                .map(replacement -> Prepared.connecting(renderer, PageText.normalize(replacement.markdown())))
                .toList();
        return new ParsedBatch(List.copyOf(replacements), prepared);
    }

    /** A batch of replacements with their parsed text, ready to write. */
    public static final class ParsedBatch {
        private final List<Replacement> replacements;
        private final List<Prepared> prepared;

        private ParsedBatch(List<Replacement> replacements, List<Prepared> prepared) {
            this.replacements = replacements;
            this.prepared = prepared;
        }

        public List<Replacement> replacements() {
            return replacements;
        }
    }

    public List<SaveResult> replaceAll(Actor actor, ParsedBatch batch) {
        List<Replacement> replacements = batch.replacements;
        List<Saved> saved = database.writer().inTransaction(handle -> {
            List<Saved> results = new ArrayList<>(replacements.size());
            Stores stores = Stores.of(handle);
            for (int i = 0; i < replacements.size(); i++) {
                Replacement replacement = replacements.get(i);
                results.add(replaceIn(stores, actor, replacement.title(), PageText.summary(replacement.summary()),
                        batch.prepared.get(i)));
            }
            return results;
        });
        return saved.stream().map(this::afterCommit).toList();
    }

    /** Saves the text over whatever the page holds now: the edit is based on its latest revision. */
    private Saved replaceIn(Stores stores, Actor actor, Title title, String summary, Prepared prepared) {
        Optional<Page> existing = stores.pages().find(title);
        OptionalLong latest = existing.map(page -> OptionalLong.of(page.latestRevisionId())).orElse(OptionalLong.empty());
        Edit edit = new Edit(title, prepared.text(), summary, latest, false);
        return saveIn(stores, existing, actor, edit, summary, prepared);
    }

    /**
     * A save's result; the change with what its text says, for those following changes once it
     * has committed; and its rendering, when the change had one already (a revert shares its target's).
     */
    private record Saved(SaveResult result, Optional<Handed> handed, Optional<RenderedPage> rendered) {

        Saved(SaveResult result, Optional<Handed> handed) {
            this(result, handed, Optional.empty());
        }

        /** A written edit, whose result carries the change number of the change it hands over. */
        static Saved written(SaveResult.Outcome outcome, Page page, Revision revision, Optional<Handed> handed) {
            OptionalLong sequence = handed.map(given -> OptionalLong.of(given.change().seq())).orElse(OptionalLong.empty());
            return new Saved(new SaveResult(outcome, page, revision, sequence), handed);
        }
    }

    /** An edit's change as the page feed would give it, and its parsed text: handed to the search index whole. */
    private record Handed(PageChange change, ParsedPage parsed) {
    }

    /**
     * What the search index needs of a saved edit, so it can index it without reading it back.
     * Imports parse nothing and hand nothing: the index reads them in batches from the feed.
     */
    private static Optional<Handed> handed(PageStore pages, Page page, Revision revision, Prepared saved) {
        return saved.parsed().map(parsed -> new Handed(new PageChange(pages.changeSequence(), page.id(), page.title(), false,
                revision.id(), revision.timestamp(), revision.author().name(), saved.text()), parsed));
    }

    private Saved saveIn(Stores stores, Actor actor, Edit edit, String summary, Prepared prepared) {
        return saveIn(stores, stores.pages().find(edit.title()), actor, edit, summary, prepared);
    }

    private Saved saveIn(Stores stores, Optional<Page> existing, Actor actor, Edit edit, String summary, Prepared prepared) {
        PageStore pages = stores.pages();
        RevisionStore revisions = stores.revisions();
        if (existing.isEmpty()) {
            permissions.requireEdit(actor.user(), Role.EDITOR);
            if (edit.baseRevisionId().isPresent()) {
                throw new InvalidInputException("invalid_base_revision",
                        "Page \"" + edit.title().text() + "\" does not exist; leave baseRevisionId out to create it.");
            }
            Instant now = clock.instant();
            long pageId = pages.insert(edit.title().namespace().key(), edit.title().name(), now);
            Revision revision = stores.write(pageId, OptionalLong.empty(), actor, prepared.text(), summary, edit.minor(),
                    prepared.connections(), now);
            Page created = Page.created(pageId, edit.title(), revision);
            return Saved.written(SaveResult.Outcome.CREATED, created, revision, handed(pages, created, revision, prepared));
        }
        Page page = existing.get();
        permissions.requireEdit(actor.user(), page.editRole());
        requireLive(page);
        String latestText = revisions.content(page.latestRevisionId());
        if (edit.baseRevisionId().isEmpty()) {
            throw new EditConflictException(page.latestRevisionId(), latestText, prepared.text(),
                    "Page \"" + page.title().text() + "\" already exists; start from its latest revision.");
        }
        long base = edit.baseRevisionId().getAsLong();
        Prepared toSave = prepared;
        SaveResult.Outcome outcome = SaveResult.Outcome.SAVED;
        if (base != page.latestRevisionId()) {
            revisions.find(base).filter(revision -> revision.pageId() == page.id())
                    .orElseThrow(() -> new InvalidInputException("invalid_base_revision",
                            "Revision " + base + " is not a revision of \"" + page.title().text() + "\"."));
            String merged = ThreeWayMerge.merge(revisions.content(base), latestText, prepared.text())
                    .orElseThrow(() -> new EditConflictException(page.latestRevisionId(), latestText, prepared.text(),
                            "Someone else changed the same part of the page since revision " + base + "."));
            checkSize(merged);
            toSave = prepared.forText(merged);
            outcome = SaveResult.Outcome.MERGED;
        }
        Revision latest = revisions.find(page.latestRevisionId()).orElseThrow();
        if (toSave.text().equals(latestText)) {
            return new Saved(new SaveResult(SaveResult.Outcome.UNCHANGED, page, latest), Optional.empty());
        }
        Instant now = clock.instant();
        Revision revision = stores.write(page.id(), OptionalLong.of(latest.id()), actor, toSave.text(), summary, edit.minor(),
                toSave.connections(), now);
        Page saved = page.withLatest(revision);
        return Saved.written(outcome, saved, revision, handed(pages, saved, revision, toSave));
    }

    // Imports (replace, replaceAll) are the operator's own bulk work and are not throttled.
    private void throttle(Actor actor) {
        edits.take("user:" + actor.user().id(), "too_many_edits", "You are saving faster than this wiki allows.");
    }

    /** Makes a new revision whose text equals revision {@code revisionId}; history is kept. */
    public SaveResult revert(Actor actor, Title title, long revisionId, String reason) {
        throttle(actor);
        String why = PageText.summary(reason);
        Saved saved = database.writer().inTransaction(handle -> {
            Stores stores = Stores.of(handle);
            PageStore pages = stores.pages();
            RevisionStore revisions = stores.revisions();
            Page page = pages.find(title).filter(p -> !p.deleted()).orElseThrow(() -> new PageNotFoundException(title));
            permissions.require(actor.user(), Right.REVERT);
            permissions.requireEdit(actor.user(), page.editRole());
            Revision target = revisions.find(revisionId).filter(revision -> revision.pageId() == page.id())
                    .orElseThrow(() -> new PageNotFoundException(title, revisionId));
            String text = revisions.content(revisionId);
            RenderedPage rendered = renderCache.get(revisionId, id -> renderer.render(text));
            Revision latest = revisions.find(page.latestRevisionId()).orElseThrow();
            if (latest.sha1().equals(target.sha1()) && text.equals(revisions.content(latest.id()))) {
                return new Saved(new SaveResult(SaveResult.Outcome.UNCHANGED, page, latest), Optional.empty());
            }
            String summary = truncate("Reverted to revision " + revisionId + " by " + target.author().name()
                    + (why.isEmpty() ? "" : ": " + why));
            Instant now = clock.instant();
            Revision revision = stores.write(page.id(), OptionalLong.of(latest.id()), actor, text, summary, false,
                    rendered.parsed().connections(), now);
            handle.attach(AuditStore.class).record(actor, now, "revert", title.text(), why,
                    "to revision " + revisionId + ", new revision " + revision.id());
            return new Saved(new SaveResult(SaveResult.Outcome.SAVED, page.withLatest(revision), revision,
                    OptionalLong.of(pages.changeSequence())), Optional.empty(), Optional.of(rendered));
        });
        return afterCommit(saved);
    }

    private SaveResult afterCommit(Saved saved) {
        SaveResult result = saved.result();
        if (result.changed()) {
            saved.rendered().ifPresent(rendered -> renderCache.put(result.revision().id(), rendered));
            saved.handed().ifPresentOrElse(handed -> afterCommit.revisionSaved(handed.change(), handed.parsed()),
                    afterCommit::pagesChanged);
        }
        return result;
    }

    private void checkSize(String markdown) {
        long bytes = PageText.utf8Length(markdown);
        if (bytes > maxPageBytes) {
            throw new PageTooLargeException(bytes, maxPageBytes);
        }
    }

    private static void requireLive(Page page) {
        if (page.deleted()) {
            throw new ConflictException("page_deleted",
                    "Page \"" + page.title().text() + "\" was deleted; an administrator can restore it.");
        }
    }

    private static String truncate(String summary) {
        return summary.length() <= PageText.SUMMARY_MAX ? summary : summary.substring(0, PageText.SUMMARY_MAX - 1) + "…";
    }
}
