package org.clinwiki.page;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.db.Database;
import org.clinwiki.db.Transaction;
import org.clinwiki.limit.ServerBusyException;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;

/**
 * Uploads as revisions of their file's page, so that every upload shows in the page's history,
 * recent changes and the uploader's contributions like an edit, and the page's protection,
 * deletion and change feed apply to it. The file's own rows are written by the caller in the
 * same transaction. Thread-safe.
 */
public final class UploadRevisions {

    private final Database database;
    private final Renderer renderer;
    private final Permissions permissions;
    private final Clock clock;
    private final PageService pages;

    public UploadRevisions(Database database, Renderer renderer, Permissions permissions, Clock clock, PageService pages) {
        this.database = database;
        this.renderer = renderer;
        this.permissions = permissions;
        this.clock = clock;
        this.pages = pages;
    }

    /** What a file upload writes beside the revision that records it, in the same transaction. */
    @FunctionalInterface
    public interface Rows {
        /** Writes the file's rows; throwing rolls the revision back too. {@code page} is the file's page as saved. */
        void write(Transaction handle, Page page, Revision revision);
    }

    /**
     * Records an upload as a revision of the file's page, with {@code rows} in the same
     * transaction: a missing page is created with {@code description} as its text; an existing
     * one gets a revision with its text unchanged (MediaWiki's "null revision"), so every upload
     * shows in the page's history, recent changes and the uploader's contributions like an edit.
     * The caller has checked the right to upload and throttled; this checks the page's protection.
     */
    public SaveResult record(Actor actor, Title title, String description, String summary, Rows rows) {
        permissions.require(actor.user(), Right.EDIT);
        return record(actor, actor, Optional.empty(), title, description, summary, rows);
    }

    /**
     * {@link #record} for an upload imported from another wiki, by {@code importer}: credited to
     * {@code author} (who need not be able to edit here) at {@code at}, the time it was uploaded there.
     */
    public SaveResult recordImported(Actor importer, Actor author, Instant at, Title title, String description, String summary,
                                     Rows rows) {
        permissions.require(importer.user(), Right.EDIT);
        return record(importer, author, Optional.of(at), title, description, summary, rows);
    }

    private SaveResult record(Actor actor, Actor author, Optional<Instant> at, Title title, String description, String summary,
                              Rows rows) {
        String why = PageService.truncate(PageText.summary(summary));
        Prepared created = Prepared.parsing(renderer, PageText.normalize(description));
        pages.checkSize(created.text());
        for (int attempt = 1; attempt <= PageService.MAX_ATTEMPTS; attempt++) {
            // The unchanged text's connections are parsed outside the transaction; it holds only if the page did not move on.
            Optional<Revision> seen = database.read(handle -> handle.attach(PageStore.class).find(title)
                    .flatMap(page -> handle.attach(RevisionStore.class).find(page.latestRevisionId())));
            Prepared unchanged = seen.map(latest -> {
                String text = database.read(RevisionStore.class, revisions -> revisions.content(latest.id()));
                return Prepared.restoring(renderer, text, renderer.connections(text));
            }).orElse(created);
            Optional<Saved> saved = database.write(handle -> {
                Stores stores = Stores.of(handle);
                Optional<Page> existing = stores.pages().find(title);
                Instant now = at.orElseGet(clock::instant);
                if (existing.isEmpty()) {
                    if (seen.isPresent()) {
                        return Optional.empty();
                    }
                    permissions.requireEdit(actor.user(), Role.EDITOR);
                    long pageId = stores.pages().insert(title.namespace().key(), title.name(), now);
                    Revision revision = stores.write(pageId, title, OptionalLong.empty(), author, created, why, false, now);
                    Page page = Page.created(pageId, title, revision);
                    rows.write(handle, page, revision);
                    return Optional.of(Saved.written(SaveResult.Outcome.CREATED, page, revision,
                            Saved.handed(stores.pages(), page, revision, created)));
                }
                Page page = existing.get();
                if (seen.isEmpty() || seen.get().id() != page.latestRevisionId()) {
                    return Optional.empty();
                }
                pages.requireLive(page, actor);
                permissions.requireEdit(actor.user(), page.editRole());
                Revision revision = stores.write(page.id(), title, OptionalLong.of(page.latestRevisionId()), author, unchanged, why,
                        false, now);
                Page updated = page.withLatest(revision);
                rows.write(handle, updated, revision);
                return Optional.of(new Saved(new SaveResult(SaveResult.Outcome.SAVED, updated, revision,
                        OptionalLong.of(stores.pages().changeSequence())), Optional.empty()));
            });
            if (saved.isPresent()) {
                return pages.afterCommit(saved.get());
            }
        }
        throw new ServerBusyException("Page \"" + title.text() + "\" is being saved by others right now; "
                + "nothing of yours was saved yet. Try again.", 1);
    }
}
