package org.clinwiki.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.audit.AuditEntry;
import org.clinwiki.audit.AuditLog;
import org.clinwiki.db.Database;
import org.clinwiki.db.Transaction;
import org.clinwiki.error.InvalidInputException;

/**
 * What administrators do to accounts: approve pending ones, change roles, block and unblock,
 * and read the audit log. Each change is written to the audit log in its own transaction, and
 * the last usable administrator cannot be demoted. Thread-safe.
 */
public final class UserAdministration {

    private static final int REASON_MAX = 500;

    private final Database database;
    private final Permissions permissions;
    private final Clock clock;

    public UserAdministration(Database database, Permissions permissions, Clock clock) {
        this.database = database;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Accounts waiting for approval, for administrators, by name after {@code after} (for paging). */
    public List<User> pending(User viewer, String after, int limit) {
        permissions.require(viewer, Right.APPROVE_ACCOUNT);
        String afterKey = after == null ? "" : UserNames.key(after);
        return database.read(UserStore.class,
                users -> users.listByStatus(AccountStatus.PENDING.key(), afterKey, limit));
    }

    public User changeRole(Actor actor, String name, Role role, String reason) {
        permissions.require(actor.user(), Right.CHANGE_ROLE);
        String why = ProfileText.clean("reason", reason, REASON_MAX);
        return database.write(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            // Blocked or pending administrators cannot act, so they do not count.
            if (target.role() == Role.ADMIN && role != Role.ADMIN && users.countUsableAdminsExcept(target.id(), clock.instant()) == 0) {
                throw new PermissionDeniedException("last_admin", "This is the last administrator; make another one first.");
            }
            users.setRole(target.id(), role.key());
            audit(handle, actor, "role_change", target.name(), why, target.role().key() + " -> " + role.key());
            return users.findById(target.id()).orElseThrow();
        });
    }

    public User block(Actor actor, String name, String reason, Optional<Instant> until) {
        permissions.require(actor.user(), Right.BLOCK);
        String why = ProfileText.clean("reason", reason, REASON_MAX);
        if (why.isEmpty()) {
            throw new InvalidInputException("invalid_reason", "A block needs a reason.");
        }
        Instant now = clock.instant();
        if (until.isPresent() && !until.get().isAfter(now)) {
            throw new InvalidInputException("invalid_expiry", "A block must end in the future.");
        }
        return database.write(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            if (target.id() == actor.user().id()) {
                throw new PermissionDeniedException("forbidden", "You cannot block yourself.");
            }
            users.block(target.id(), now, until.orElse(null), why, actor.user().id());
            audit(handle, actor, "block", target.name(), why, until.map(i -> "until " + i).orElse("indefinite"));
            return users.findById(target.id()).orElseThrow();
        });
    }

    public User unblock(Actor actor, String name, String reason) {
        permissions.require(actor.user(), Right.BLOCK);
        String why = ProfileText.clean("reason", reason, REASON_MAX);
        return database.write(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            users.unblock(target.id());
            audit(handle, actor, "unblock", target.name(), why, "");
            return users.findById(target.id()).orElseThrow();
        });
    }

    public User approve(Actor actor, String name) {
        permissions.require(actor.user(), Right.APPROVE_ACCOUNT);
        return database.write(handle -> {
            UserStore users = handle.attach(UserStore.class);
            User target = users.findByKey(UserNames.key(name)).orElseThrow(() -> new UserNotFoundException(name));
            if (target.status() != AccountStatus.PENDING) {
                throw new InvalidInputException("not_pending", "This account is not waiting for approval.");
            }
            users.setStatus(target.id(), AccountStatus.ACTIVE.key());
            audit(handle, actor, "approve", target.name(), "", "");
            return users.findById(target.id()).orElseThrow();
        });
    }

    public List<AuditEntry> auditLog(User viewer, String action, long before, int limit) {
        permissions.require(viewer, Right.READ_AUDIT_LOG);
        return database.read(handle -> new AuditLog(handle).list(before, action, limit));
    }

    private void audit(Transaction handle, Actor actor, String action, String target, String reason, String details) {
        new AuditLog(handle).record(actor.audited(), clock.instant(), action, target, reason, details);
    }
}
