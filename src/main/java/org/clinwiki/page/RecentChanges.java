package org.clinwiki.page;

import java.util.List;
import java.util.Optional;
import org.clinwiki.db.Database;
import org.clinwiki.title.Namespace;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.User;
import org.clinwiki.user.UserNames;

/** Lists of changes across pages: recent changes and a user's contributions. Thread-safe. */
public final class RecentChanges {

    private final Database database;
    private final Permissions permissions;

    public RecentChanges(Database database, Permissions permissions) {
        this.database = database;
        this.permissions = permissions;
    }

    /** What to list: changes before a revision id, optionally in one namespace, optionally without minor edits. */
    public record Filter(long before, Optional<Namespace> namespace, boolean hideMinor, int limit) {
    }

    public List<RecentEdit> recent(Filter filter, Optional<User> viewer) {
        boolean includeDeleted = permissions.canViewDeleted(viewer);
        String namespace = filter.namespace().map(Namespace::key).orElse("");
        return database.read(RevisionStore.class, revisions ->
                revisions.recent(filter.before(), namespace, !filter.hideMinor(), includeDeleted, filter.limit()));
    }

    public List<RecentEdit> contributions(String userName, long before, int limit, Optional<User> viewer) {
        boolean includeDeleted = permissions.canViewDeleted(viewer);
        return database.read(RevisionStore.class, revisions ->
                revisions.byAuthor(UserNames.key(userName), before, includeDeleted, limit));
    }
}
