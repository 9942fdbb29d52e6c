package org.clinwiki.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.clinwiki.error.ConflictException;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.limit.ServerBusyException;
import org.clinwiki.db.Database;
import org.clinwiki.limit.Gate;
import org.clinwiki.limit.Throttle;
import org.clinwiki.render.RenderCache;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.user.PermissionDeniedException;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;

/**
 * Changes to pages' text: saving (with three-way merge against a stale base), importing and
 * reverting; {@link PageModeration} protects, deletes and restores. Each change is one
 * transaction on the single writer connection: the revision, the page pointer, links,
 * categories and redirect commit together.
 *
 * <p>The write transaction only checks and writes. Parsing, merging, rendering and hashing
 * happen before it, against what the page held when they started; if the page moved on by
 * the time the transaction runs, the work is done again against the new latest revision. So a
 * slow merge or render never holds the writer that every other save, login and audit entry
 * waits for. Thread-safe.
 */
public final class PageService {

    /**
     * Saves of one page racing this one from outside this process (another node, an import);
     * each lost race means merging once more against the winner. Within the process, saves of
     * one page take turns (see {@link #pageLocks}), so they rarely race at all.
     */
    static final int MAX_ATTEMPTS = 20;
    private static final int PAGE_LOCK_STRIPES = 256;

    private final Database database;
    private final Renderer renderer;
    private final RenderCache renderCache;
    private final Permissions permissions;
    private final Clock clock;
    private final long maxPageBytes;
    private final AfterCommit afterCommit;
    private final Throttle edits;
    private final Gate renders;
    private final Drafts drafts;
    private final WholePageEdits wholePages;
    /**
     * Saves of the same page take turns while they merge and write, so concurrent editors of
     * one page never starve each other in the retry loop; saves of other pages go on at once
     * (locks are striped by title: only titles that share a stripe ever wait for each other).
     */
    private final ReentrantLock[] pageLocks = new ReentrantLock[PAGE_LOCK_STRIPES];

    /** {@code editsPerMinute} is per user, with bursts of as many; {@code renders} bounds the renders of reverts. */
    public PageService(Database database, Renderer renderer, RenderCache renderCache, Permissions permissions,
                       Clock clock, long maxPageBytes, int editsPerMinute, Gate renders, PageListener listener) {
        this.renders = renders;
        this.drafts = new Drafts(database, maxPageBytes);
        this.wholePages = new WholePageEdits(database, clock);
        this.edits = Throttle.shared(database, "edits", editsPerMinute, Duration.ofMinutes(1), clock);
        this.database = database;
        this.renderer = renderer;
        this.renderCache = renderCache;
        this.permissions = permissions;
        this.clock = clock;
        this.maxPageBytes = maxPageBytes;
        this.afterCommit = new AfterCommit(listener);
        for (int i = 0; i < pageLocks.length; i++) {
            pageLocks[i] = new ReentrantLock(true);
        }
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
        // Refused before any parsing or merging: those cost CPU whoever asks.
        permissions.require(actor.user(), Right.EDIT);
        Edit whole = wholePages.of(actor, edit);
        checkSize(whole.markdown());
        String summary = PageText.summary(whole.summary());
        Prepared mine = Prepared.parsing(renderer, PageText.normalize(whole.markdown()));
        ReentrantLock pageLock = pageLocks[Math.floorMod(edit.title().hashCode(), pageLocks.length)];
        pageLock.lock();
        try {
            return saveMerging(actor, whole, summary, mine);
        } finally {
            pageLock.unlock();
        }
    }

    private SaveResult saveMerging(Actor actor, Edit edit, String summary, Prepared mine) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Drafts.Draft draft = drafts.draft(edit, mine);
            Optional<Saved> saved = database.write(handle -> {
                Stores stores = Stores.of(handle);
                Optional<Page> existing = stores.pages().find(edit.title());
                if (!draft.madeAgainst(existing)) {
                    return Optional.empty();
                }
                return Optional.of(saveIn(stores, existing, actor, edit, summary, draft.prepared(), draft.outcome()));
            });
            if (saved.isPresent()) {
                return afterCommit(saved.get());
            }
        }
        throw new ServerBusyException("Page \"" + edit.title().text() + "\" is being saved by others right now; "
                + "nothing of yours was saved yet. Try again.", 1);
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
     * import ({@link PageImport}) can parse the next batch while the writer stores this one.
     */
    ParsedBatch prepare(List<Replacement> replacements) {
        // Imports come in bulk: only parse (links, categories); pages render when first viewed.
        replacements.forEach(replacement -> checkSize(replacement.markdown()));
        List<Prepared> prepared = replacements.parallelStream()
                .map(replacement -> Prepared.connecting(renderer, PageText.normalize(replacement.markdown())))
                .toList();
        return new ParsedBatch(List.copyOf(replacements), prepared);
    }

    /** A batch of replacements with their parsed text, ready to write. */
    record ParsedBatch(List<Replacement> replacements, List<Prepared> prepared) {
    }

    List<SaveResult> replaceAll(Actor actor, ParsedBatch batch) {
        List<Replacement> replacements = batch.replacements();
        List<String> summaries = replacements.stream().map(replacement -> PageText.summary(replacement.summary())).toList();
        List<Saved> saved = database.write(handle -> {
            List<Saved> results = new ArrayList<>(replacements.size());
            Stores stores = Stores.of(handle);
            for (int i = 0; i < replacements.size(); i++) {
                results.add(replaceIn(stores, actor, replacements.get(i).title(), summaries.get(i), batch.prepared().get(i)));
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
        return saveIn(stores, existing, actor, edit, summary, prepared,
                existing.isEmpty() ? SaveResult.Outcome.CREATED : SaveResult.Outcome.SAVED);
    }

    /** Checks and writes, inside the transaction; {@code toSave} is final (merged already, if it had to be). */
    private Saved saveIn(Stores stores, Optional<Page> existing, Actor actor, Edit edit, String summary, Prepared toSave,
                         SaveResult.Outcome outcome) {
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
            Revision revision = stores.write(pageId, edit.title(), OptionalLong.empty(), actor, toSave, summary, edit.minor(), now);
            Page created = Page.created(pageId, edit.title(), revision);
            return Saved.written(SaveResult.Outcome.CREATED, created, revision, Saved.handed(pages, created, revision, toSave));
        }
        Page page = existing.get();
        requireLive(page, actor);
        permissions.requireEdit(actor.user(), page.editRole());
        if (edit.baseRevisionId().isEmpty()) {
            throw new EditConflictException(page.latestRevisionId(), revisions.content(page.latestRevisionId()), toSave.text(),
                    "Page \"" + page.title().text() + "\" already exists; start from its latest revision.");
        }
        Revision latest = revisions.find(page.latestRevisionId()).orElseThrow();
        if (toSave.sameTextAs(latest)) {
            return new Saved(new SaveResult(SaveResult.Outcome.UNCHANGED, page, latest), Optional.empty());
        }
        Revision revision = stores.write(page.id(), page.title(), OptionalLong.of(latest.id()), actor, toSave, summary, edit.minor(),
                clock.instant());
        Page saved = page.withLatest(revision);
        return Saved.written(outcome, saved, revision, Saved.handed(pages, saved, revision, toSave));
    }

    // Imports (replace, replaceAll) are the operator's own bulk work and are not throttled.
    private void throttle(Actor actor) {
        edits.take("user:" + actor.user().id(), "too_many_edits", "You are saving faster than this wiki allows.");
    }

    /**
     * Makes a new revision whose text equals revision {@code revisionId}; history is kept. The
     * old revision is read and rendered before the write transaction (its text never changes).
     */
    public SaveResult revert(Actor actor, Title title, long revisionId, String reason) {
        throttle(actor);
        permissions.require(actor.user(), Right.REVERT);
        String why = PageText.summary(reason);
        Revision target = database.read(handle -> {
            Page page = handle.attach(PageStore.class).find(title).filter(p -> !p.deleted())
                    .orElseThrow(() -> new PageNotFoundException(title));
            return handle.attach(RevisionStore.class).find(revisionId).filter(revision -> revision.pageId() == page.id())
                    .orElseThrow(() -> new PageNotFoundException(title, revisionId));
        });
        String text = database.read(RevisionStore.class, revisions -> revisions.content(revisionId));
        // Parsed afresh, not taken from the rendering cache: an old revision beyond today's limits shows as its source
        // there, and must not be saved again.
        Prepared prepared = Prepared.restoring(renderer, text, renderer.connections(text));
        RenderedPage rendered = renderCache.get(revisionId, id -> renders.call(() -> renderer.render(text, title)));
        Saved saved = database.write(handle -> {
            Stores stores = Stores.of(handle);
            Page page = stores.pages().find(title).filter(p -> !p.deleted())
                    .filter(p -> p.id() == target.pageId())
                    .orElseThrow(() -> new PageNotFoundException(title));
            permissions.requireEdit(actor.user(), page.editRole());
            Revision latest = stores.revisions().find(page.latestRevisionId()).orElseThrow();
            if (prepared.sameTextAs(latest)) {
                return new Saved(new SaveResult(SaveResult.Outcome.UNCHANGED, page, latest), Optional.empty());
            }
            String summary = truncate("Reverted to revision " + revisionId + " by " + target.author().name()
                    + (why.isEmpty() ? "" : ": " + why));
            Instant now = clock.instant();
            Revision revision = stores.write(page.id(), title, OptionalLong.of(latest.id()), actor, prepared, summary, false, now);
            new AuditLog(handle).record(actor.audited(), now, "revert", title.text(), why,
                    "to revision " + revisionId + ", new revision " + revision.id());
            return new Saved(new SaveResult(SaveResult.Outcome.SAVED, page.withLatest(revision), revision,
                    OptionalLong.of(stores.pages().changeSequence())), Optional.empty(), Optional.of(rendered));
        });
        return afterCommit(saved);
    }

    SaveResult afterCommit(Saved saved) {
        SaveResult result = saved.result();
        if (result.changed()) {
            saved.rendered().ifPresent(rendered -> renderCache.put(result.revision().id(), rendered));
            saved.handed().ifPresentOrElse(handed -> afterCommit.revisionSaved(handed.change(), handed.parsed()),
                    afterCommit::pagesChanged);
        }
        return result;
    }

    /** Tells those following changes that pages changed, when nothing was handed to them (imports). */
    void pagesChanged() {
        afterCommit.pagesChanged();
    }

    void checkSize(String markdown) {
        PageText.requireWithin(markdown, maxPageBytes);
    }

    /**
     * A deleted page cannot be saved over. Administrators are told so; to everyone else the page
     * does not exist, so they get an answer that does not confirm it ever did.
     */
    void requireLive(Page page, Actor actor) {
        if (!page.deleted()) {
            return;
        }
        if (!permissions.canViewDeleted(Optional.of(actor.user()))) {
            throw new PermissionDeniedException("create_protected",
                    "Only an administrator can create a page titled \"" + page.title().text() + "\".");
        }
        throw new ConflictException("page_deleted",
                "Page \"" + page.title().text() + "\" was deleted; an administrator can restore it.");
    }

    static String truncate(String summary) {
        return summary.length() <= PageText.SUMMARY_MAX ? summary : summary.substring(0, PageText.SUMMARY_MAX - 1) + "…";
    }
}
