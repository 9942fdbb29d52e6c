package org.clinwiki.page;

import java.time.Clock;
import java.time.Instant;
import org.clinwiki.error.ConflictException;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.db.Database;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;

/**
 * What administrators do to whole pages: protect them, delete and restore them. No revision is
 * written; each change is audited and counts as a page change. Thread-safe.
 */
public final class PageModeration {

    private final Database database;
    private final Permissions permissions;
    private final Clock clock;
    private final AfterCommit afterCommit;

    public PageModeration(Database database, Permissions permissions, Clock clock, PageListener listener) {
        this.database = database;
        this.permissions = permissions;
        this.clock = clock;
        this.afterCommit = new AfterCommit(listener);
    }

    /** Sets who may edit a page: {@code EDITOR} (anyone who can edit) or {@code ADMIN} (protected). */
    public ModeratedPage protect(Actor actor, Title title, Role editRole, String reason) {
        permissions.require(actor.user(), Right.PROTECT);
        if (editRole == Role.READER) {
            throw new InvalidInputException("invalid_protection", "Protection is \"editor\" or \"admin\".");
        }
        String why = PageText.summary(reason);
        ModeratedPage protectedPage = database.write(handle -> {
            PageStore pages = handle.attach(PageStore.class);
            Page page = pages.find(title).orElseThrow(() -> new PageNotFoundException(title));
            Instant now = clock.instant();
            pages.setEditRole(page.id(), editRole.key(), now);
            // The page looks different (protected or not): those following changes must see it.
            pages.recordChange(page.id());
            new AuditLog(handle).record(actor.audited(), now, "protect", title.text(), why,
                    page.editRole().key() + " -> " + editRole.key());
            return new ModeratedPage(pages.find(title).orElseThrow(), pages.changeSequence());
        });
        // Woken now, the index reaches this change at once, not at its next poll: a search waiting for it need not wait.
        afterCommit.pagesChanged();
        return protectedPage;
    }

    /** Hides a page and its history from everyone but administrators; every revision is kept. */
    public ModeratedPage delete(Actor actor, Title title, String reason) {
        return setDeleted(actor, title, reason, true);
    }

    /** Brings a deleted page back with its whole history. */
    public ModeratedPage restore(Actor actor, Title title, String reason) {
        return setDeleted(actor, title, reason, false);
    }

    private ModeratedPage setDeleted(Actor actor, Title title, String reason, boolean delete) {
        permissions.require(actor.user(), Right.DELETE);
        String why = PageText.summary(reason);
        ModeratedPage changed = database.write(handle -> {
            PageStore pages = handle.attach(PageStore.class);
            Page page = pages.find(title).orElseThrow(() -> new PageNotFoundException(title));
            if (page.deleted() == delete) {
                throw delete
                        ? new ConflictException("already_deleted", "Page \"" + title.text() + "\" is already deleted.")
                        : new ConflictException("not_deleted", "Page \"" + title.text() + "\" is not deleted.");
            }
            Instant now = clock.instant();
            if (delete) {
                pages.markDeleted(page.id(), now, actor.user().id(), why);
            } else {
                pages.markRestored(page.id(), now);
            }
            pages.recordChange(page.id());
            // A deleted template is a missing one: the pages using it show a red link instead.
            handle.attach(TemplateStore.class).queueChange(title.namespace().key(), title.name(), now.toEpochMilli());
            new AuditLog(handle).record(actor.audited(), now, delete ? "delete" : "restore", title.text(), why, "");
            return new ModeratedPage(pages.find(title).orElseThrow(), pages.changeSequence());
        });
        afterCommit.pagesChanged();
        return changed;
    }
}
