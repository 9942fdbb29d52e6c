package org.clinwiki.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Login;
import org.clinwiki.user.NotAuthenticatedException;
import org.clinwiki.user.User;
import org.clinwiki.user.Sessions;

/**
 * Who is making a request: the owner of a bearer token (programs) or of a session cookie
 * (browsers). Authentication only; what that user may do is decided by the services through
 * {@code Permissions}. A bad bearer token is refused outright so programs notice; a stale
 * session cookie just makes the browser anonymous again.
 */
final class Auth {

    static final String SESSION_COOKIE = "cw_session";
    private static final String VIEWER = "clinwiki.viewer";
    private static final String BY_COOKIE = "clinwiki.byCookie";
    /** The session this request started ("" when it ended one): what later parts of the response belong to. */
    private static final String SESSION_NOW = "clinwiki.session";
    private static final String BEARER = "Bearer ";

    private final Sessions sessions;
    private final ClientAddress addresses;

    Auth(Sessions sessions, ClientAddress addresses) {
        this.sessions = sessions;
        this.addresses = addresses;
    }

    /** The client's address, for limits and the audit log. */
    String address(Context ctx) {
        return addresses.of(ctx);
    }

    /** The logged-in user, or empty for an anonymous request. */
    Optional<User> viewer(Context ctx) {
        Optional<User> cached = ctx.attribute(VIEWER);
        if (cached != null) {
            return cached;
        }
        Optional<User> viewer;
        Optional<String> bearer = bearerToken(ctx);
        if (bearer.isPresent()) {
            viewer = Optional.of(sessions.authenticate(bearer.get()).orElseThrow(() ->
                    new NotAuthenticatedException("invalid_token", "The token is invalid, expired or revoked.")));
        } else {
            String session = ctx.cookie(SESSION_COOKIE);
            viewer = session == null ? Optional.empty() : sessions.authenticate(session);
            if (session != null && viewer.isEmpty()) {
                ctx.removeCookie(SESSION_COOKIE, "/");
            }
            ctx.attribute(BY_COOKIE, viewer.isPresent());
        }
        ctx.attribute(VIEWER, viewer);
        return viewer;
    }

    /** The user acting, with their address; refuses anonymous requests with 401. */
    Actor actor(Context ctx) {
        User user = viewer(ctx).orElseThrow(NotAuthenticatedException::new);
        return new Actor(user, address(ctx));
    }

    /** Whether the request was authenticated by a browser's session cookie (not a bearer token). */
    boolean byCookie(Context ctx) {
        viewer(ctx);
        return Boolean.TRUE.equals(ctx.attribute(BY_COOKIE));
    }

    /**
     * The secret of the browser session this request belongs to: one it started, or the one its
     * cookie carries if that is valid. Empty for anonymous browsers and for programs using
     * bearer tokens.
     */
    Optional<String> sessionToken(Context ctx) {
        String now = ctx.attribute(SESSION_NOW);
        if (now != null) {
            return now.isEmpty() ? Optional.empty() : Optional.of(now);
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null || bearerToken(ctx).isPresent()) {
            return Optional.empty();
        }
        return byCookie(ctx) ? Optional.of(cookie) : Optional.empty();
    }

    Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    /** Forgets who this request's user was, so the next look reads the account afresh (after it changed). */
    void reload(Context ctx) {
        ctx.attribute(VIEWER, null);
    }

    void startSession(Context ctx, Login login) {
        int seconds = (int) Math.max(0, Duration.between(Instant.now(), login.expires()).toSeconds());
        ctx.cookie(Csrf.cookie(ctx, SESSION_COOKIE, login.token(), seconds));
        ctx.attribute(VIEWER, Optional.of(login.user()));
        ctx.attribute(SESSION_NOW, login.token());
    }

    void endSession(Context ctx) {
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null) {
            sessions.logout(session);
        }
        ctx.removeCookie(SESSION_COOKIE, "/");
        ctx.attribute(VIEWER, Optional.empty());
        ctx.attribute(SESSION_NOW, "");
    }
}
