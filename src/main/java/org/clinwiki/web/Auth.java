package org.clinwiki.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.clinwiki.user.Actor;
import org.clinwiki.user.NotAuthenticatedException;
import org.clinwiki.user.User;
import org.clinwiki.user.UserService;

/**
 * Who is making a request. Authentication only: a bearer token names a user (a bad or expired
 * token is refused outright, so clients notice). What that user may do is decided by the
 * services through {@code Permissions}.
 */
final class Auth {

    private static final String VIEWER = "clinwiki.viewer";
    private static final String BEARER = "Bearer ";

    private final UserService users;

    Auth(UserService users) {
        this.users = users;
    }

    /** The logged-in user, or empty for an anonymous request. */
    Optional<User> viewer(Context ctx) {
        Optional<User> cached = ctx.attribute(VIEWER);
        if (cached != null) {
            return cached;
        }
        Optional<User> viewer = token(ctx).map(token -> users.authenticate(token)
                .orElseThrow(() -> new NotAuthenticatedException("invalid_token", "The token is invalid, expired or revoked.")));
        ctx.attribute(VIEWER, viewer);
        return viewer;
    }

    /** The user acting, with their address; refuses anonymous requests with 401. */
    Actor actor(Context ctx) {
        User user = viewer(ctx).orElseThrow(NotAuthenticatedException::new);
        return new Actor(user, ctx.ip());
    }

    Optional<String> token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
