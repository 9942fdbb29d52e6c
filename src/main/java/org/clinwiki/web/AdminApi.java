package org.clinwiki.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.audit.AuditEntry;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;
import org.clinwiki.user.UserAdministration;

/** JSON API for administrators: roles, blocks, account approval and the audit log. */
final class AdminApi {

    record RoleRequest(String role, String reason) {
    }

    record BlockRequest(String reason, String expires) {
    }

    record ReasonRequest(String reason) {
    }

    private final UserAdministration users;
    private final Auth auth;

    AdminApi(UserAdministration users, Auth auth) {
        this.users = users;
        this.auth = auth;
    }

    void changeRole(Context ctx) {
        var actor = auth.actor(ctx);
        RoleRequest request = Requests.body(ctx, RoleRequest.class);
        Role role = Role.ofKey(request.role()).orElseThrow(() ->
                new InvalidInputException("invalid_role", "\"role\" must be \"reader\", \"editor\" or \"admin\"."));
        ctx.json(ApiJson.UserJson.of(users.changeRole(actor, ctx.pathParam("name"), role, request.reason())));
    }

    void block(Context ctx) {
        var actor = auth.actor(ctx);
        BlockRequest request = Requests.body(ctx, BlockRequest.class);
        ctx.json(ApiJson.UserJson.of(users.block(actor, ctx.pathParam("name"), request.reason(), expiry(request.expires()))));
    }

    void unblock(Context ctx) {
        var actor = auth.actor(ctx);
        String reason = Requests.optionalBody(ctx, ReasonRequest.class, new ReasonRequest("")).reason();
        ctx.json(ApiJson.UserJson.of(users.unblock(actor, ctx.pathParam("name"), reason)));
    }

    void approve(Context ctx) {
        var actor = auth.actor(ctx);
        ctx.json(ApiJson.UserJson.of(users.approve(actor, ctx.pathParam("name"))));
    }

    void pending(Context ctx) {
        var actor = auth.actor(ctx);
        int limit = Requests.limit(ctx);
        List<User> pending = users.pending(actor.user(), Requests.query(ctx, "after"), limit + 1);
        String next = pending.size() > limit ? pending.get(limit - 1).name() : null;
        ctx.json(new ApiJson.UsersJson(pending.subList(0, Math.min(limit, pending.size())).stream()
                .map(ApiJson.UserJson::of).toList(), next));
    }

    void audit(Context ctx) {
        var actor = auth.actor(ctx);
        int limit = Requests.limit(ctx);
        List<AuditEntry> entries = users.auditLog(actor.user(), Requests.query(ctx, "action"), Requests.before(ctx), limit + 1);
        Long next = entries.size() > limit ? entries.get(limit - 1).id() : null;
        ctx.json(new ApiJson.AuditJson(entries.subList(0, Math.min(limit, entries.size())).stream()
                .map(ApiJson.AuditEntryJson::of).toList(), next));
    }

    /** "2026-12-01T00:00:00Z", a duration such as "P7D" or "PT12H", or nothing/"infinite" for no end. */
    static Optional<Instant> expiry(String expires) {
        if (expires == null || expires.isBlank() || expires.equalsIgnoreCase("infinite") || expires.equalsIgnoreCase("never")) {
            return Optional.empty();
        }
        try {
            if (expires.startsWith("P") || expires.startsWith("p")) {
                return Optional.of(Instant.now().plus(Duration.parse(expires.toUpperCase(Locale.ROOT))));
            }
            return Optional.of(Instant.parse(expires));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInputException("invalid_expiry",
                    "\"expires\" must be an ISO-8601 time (2026-12-01T00:00:00Z), a duration (P7D, PT12H) or \"infinite\".");
        }
    }
}
