package org.clinwiki.page;

import java.time.Instant;
import java.util.Optional;
import org.clinwiki.title.Title;
import org.clinwiki.user.Role;

/**
 * A page: its title, its latest revision, who may edit it ({@code editRole}: editors, or only
 * admins when protected), and when it was deleted, if it was.
 */
public record Page(long id, Title title, long latestRevisionId, Role editRole, Instant createdAt,
                   Instant touchedAt, Optional<Instant> deletedAt) {

    public boolean deleted() {
        return deletedAt.isPresent();
    }

    public boolean isProtected() {
        return editRole == Role.ADMIN;
    }

    /** The page as a new latest revision leaves it. */
    Page withLatest(Revision revision) {
        return new Page(id, title, revision.id(), editRole, createdAt, revision.timestamp(), deletedAt);
    }

    /** A page as its first revision creates it: editable by editors. */
    static Page created(long id, Title title, Revision first) {
        return new Page(id, title, first.id(), Role.EDITOR, first.timestamp(), first.timestamp(), Optional.empty());
    }
}
