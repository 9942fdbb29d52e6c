package org.clinwiki.mediawiki;

import java.time.Clock;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.db.Database;
import org.clinwiki.page.Reattribution;
import org.clinwiki.user.AccountStatus;
import org.clinwiki.user.Actor;
import org.clinwiki.user.ImportedAccounts;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;

/**
 * Merges an account made for an imported author into the person's real account: every revision
 * is credited to the real account, which a later import of that wiki then credits directly.
 * Administrators only; recorded in the audit log. One transaction.
 */
public final class AuthorMerge {

    private final Database database;
    private final ImportedAccounts accounts;
    private final Permissions permissions;
    private final Clock clock;

    public AuthorMerge(Database database, ImportedAccounts accounts, Permissions permissions, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Revisions now credited to {@code intoName}. An administrator may merge; so may Clinwiki's
     * own account, which only the operator's command line acts as.
     */
    public int merge(Actor actor, String importedName, String intoName) {
        if (actor.user().status() != AccountStatus.SYSTEM) {
            permissions.require(actor.user(), Right.CHANGE_ROLE);
        }
        return database.write(handle -> {
            ImportedAccounts.Merged merged = accounts.merge(handle, importedName, intoName);
            int moved = new Reattribution(handle).move(merged.from().id(), merged.into().id());
            new AuditLog(handle).record(actor.audited(), clock.instant(), "merge_account", merged.into().name(), "",
                    moved + " revisions of imported account " + merged.from().name());
            return moved;
        });
    }
}
