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

    /** Whether {@code user} (anonymous when empty) holds {@code right}; for showing or hiding actions. */
    public boolean holds(Optional<User> user, Right right) {
        return user.filter(u -> refusal(u).isEmpty()).map(u -> u.role().atLeast(right.leastRole())).orElse(false);
    }

    /** Whether {@code user} may edit a page whose protection asks for {@code pageEditRole}. */
    public boolean mayEdit(Optional<User> user, Role pageEditRole) {
        return holds(user, Right.EDIT) && user.orElseThrow().role().atLeast(pageEditRole);
    }

    /** Why {@code user} may not write at all right now (pending, must change password, blocked), if so. */
    public Optional<PermissionDeniedException> refusal(User user) {
        if (user.status() == AccountStatus.PENDING) {
            return Optional.of(new PermissionDeniedException("account_pending", "An administrator has not approved this account yet."));
        }
        if (user.mustChangePassword()) {
            return Optional.of(new PermissionDeniedException("password_change_required",
                    "Change your one-time password before doing anything else."));
        }
        return user.block().filter(block -> block.activeAt(clock.instant())).map(block ->
                new PermissionDeniedException("blocked", "You are blocked"
                        + block.until().map(until -> " until " + until).orElse("") + ": " + block.reason()));
    }

    /** Whether a viewer (anonymous when empty) may see deleted pages and their history. */
    public boolean canViewDeleted(Optional<User> viewer) {
        return viewer.map(user -> user.role().atLeast(Right.VIEW_DELETED.leastRole())).orElse(false);
    }

    private void requireUsable(User user) {
        Optional<PermissionDeniedException> refusal = refusal(user);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    private static String article(Role role) {
        return (role == Role.ADMIN ? "an " : "a ") + role.key();
    }
}
