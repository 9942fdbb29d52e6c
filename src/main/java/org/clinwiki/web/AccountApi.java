package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.user.Login;
import org.clinwiki.user.Logins;
import org.clinwiki.user.NotAuthenticatedException;
import org.clinwiki.user.Session;
import org.clinwiki.user.TokenKind;
import org.clinwiki.user.Sessions;
import org.clinwiki.user.UserService;

/** JSON API for one's own account: log in and out, register, see and change oneself, list and revoke one's sessions. */
final class AccountApi {

    record LoginRequest(String username, String password) {
    }

    record RegisterRequest(String username, String password, String displayName, String credentials) {
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    private final UserService users;
    private final Sessions sessions;
    private final Logins logins;
    private final Auth auth;

    AccountApi(UserService users, Sessions sessions, Logins logins, Auth auth) {
        this.users = users;
        this.sessions = sessions;
        this.logins = logins;
        this.auth = auth;
    }

    void login(Context ctx) {
        LoginRequest request = Requests.body(ctx, LoginRequest.class);
        Login login = logins.login(request.username(), request.password(), auth.address(ctx), TokenKind.API);
        ctx.json(new ApiJson.LoginJson(login.token(), login.expires(), ApiJson.UserJson.of(login.user()),
                login.user().mustChangePassword()));
    }

    void logout(Context ctx) {
        String token = auth.bearerToken(ctx).orElseThrow(NotAuthenticatedException::new);
        auth.actor(ctx);
        sessions.logout(token);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void sessions(Context ctx) {
        var actor = auth.actor(ctx);
        String current = auth.bearerToken(ctx).orElseGet(() -> Optional.ofNullable(ctx.cookie(Auth.SESSION_COOKIE)).orElse(""));
        ctx.json(new SessionsJson(sessions.sessions(actor, current).stream().map(SessionJson::of).toList()));
    }

    void revokeSession(Context ctx) {
        sessions.revokeSession(auth.actor(ctx), Requests.pathId(ctx, "id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    record SessionsJson(List<SessionJson> sessions) {
    }

    record SessionJson(long id, String kind, Instant created, Instant expires, String createdFrom, boolean current) {
        static SessionJson of(Session session) {
            return new SessionJson(session.id(), session.kind().key(), session.created(), session.expires(),
                    session.createdFrom(), session.current());
        }
    }

    void me(Context ctx) {
        ctx.json(ApiJson.UserJson.of(auth.viewer(ctx).orElseThrow(NotAuthenticatedException::new)));
    }

    void changePassword(Context ctx) {
        var actor = auth.actor(ctx);
        PasswordRequest request = Requests.body(ctx, PasswordRequest.class);
        logins.changePassword(actor, request.currentPassword(), request.newPassword(), auth.bearerToken(ctx).orElse(null));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void register(Context ctx) {
        RegisterRequest request = Requests.body(ctx, RegisterRequest.class);
        var user = users.register(request.username(), request.password(), request.displayName(), request.credentials(), auth.address(ctx));
        ctx.status(HttpStatus.CREATED).json(ApiJson.UserJson.of(user));
    }

    void profile(Context ctx) {
        ctx.json(ApiJson.UserJson.of(users.require(ctx.pathParam("name"))));
    }
}
