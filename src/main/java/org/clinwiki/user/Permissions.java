package org.clinwiki.user;

import java.time.Clock;
import java.util.Optional;

/**
 * The one place that decides what a user may do. Every write in every service asks here
 * first, so the rules (roles, blocks, page protection, pending accounts) hold for the API and
 * the HTML forms alike. Thread-safe.
 */
public final class Permissions {

    private final Clock clock;

    public Permissions(Clock clock) {
        this.clock = clock;
    }

    /** Refuses unless {@code user} holds {@code right}. */
    public void require(User user, Right right) {
        requireUsable(user);
        if (!user.role().atLeast(right.leastRole())) {
            throw new PermissionDeniedException("forbidden",
                    "This needs the " + right.leastRole().key() + " role; you are " + article(user.role()) + ".");
        }
    }

    /** Refuses unless {@code user} may edit a page whose protection asks for {@code pageEditRole}. */
    public void requireEdit(User user, Role pageEditRole) {
        require(user, Right.EDIT);
        if (!user.role().atLeast(pageEditRole)) {
            throw new PermissionDeniedException("protected",
                    "This page is protected: only " + pageEditRole.key() + "s may edit it.");
        }
    }

    /** Whether a viewer (anonymous when empty) may see deleted pages and their history. */
    public boolean canViewDeleted(Optional<User> viewer) {
        return viewer.map(user -> user.role().atLeast(Right.VIEW_DELETED.leastRole())).orElse(false);
    }

    private void requireUsable(User user) {
        if (user.status() == AccountStatus.PENDING) {
            throw new PermissionDeniedException("account_pending", "An administrator has not approved this account yet.");
        }
        if (user.mustChangePassword()) {
            throw new PermissionDeniedException("password_change_required",
                    "Change your one-time password before doing anything else.");
        }
        user.block().filter(block -> block.activeAt(clock.instant())).ifPresent(block -> {
            throw new PermissionDeniedException("blocked", "You are blocked"
                    + block.until().map(until -> " until " + until).orElse("")
                    + ": " + block.reason());
        });
    }

    private static String article(Role role) {
        return (role == Role.ADMIN ? "an " : "a ") + role.key();
    }
}
