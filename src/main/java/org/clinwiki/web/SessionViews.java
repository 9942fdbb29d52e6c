package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.clinwiki.error.WikiException;
import org.clinwiki.user.Login;
import org.clinwiki.user.Logins;
import org.clinwiki.user.RegistrationMode;
import org.clinwiki.user.TokenKind;
import org.clinwiki.user.UserService;
import org.clinwiki.web.view.LoginView;
import org.clinwiki.web.view.RegisterView;

/** Logging in and out with a browser: a session cookie backed by a token in the database. */
final class SessionViews {

    private final UserService users;
    private final Logins logins;
    private final Layout layout;
    private final Auth auth;
    private final Csrf csrf;

    SessionViews(UserService users, Logins logins, Layout layout, Auth auth, Csrf csrf) {
        this.users = users;
        this.logins = logins;
        this.layout = layout;
        this.auth = auth;
        this.csrf = csrf;
    }

    void form(Context ctx) {
        layout.renderForm(ctx, HttpStatus.OK, "user/login.jte", new LoginView("", safeReturn(ctx.queryParam("returnTo")), Optional.empty()));
    }

    void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String returnTo = safeReturn(ctx.formParam("returnTo"));
        try {
            Login login = logins.login(username, ctx.formParam("password"), auth.address(ctx), TokenKind.SESSION);
            auth.startSession(ctx, login);
            csrf.rotate(ctx);
            ctx.redirect(login.user().mustChangePassword() ? "/special/change-password" : returnTo, HttpStatus.SEE_OTHER);
        } catch (RuntimeException failure) {
            WikiException e = Errors.forForm(failure);
            Errors.headers(ctx, e);
            layout.renderForm(ctx, Errors.status(e), "user/login.jte", new LoginView(username, returnTo, Optional.of(e.getMessage())));
        }
    }

    void registerForm(Context ctx) {
        RegistrationMode mode = users.registration();
        layout.renderForm(ctx, HttpStatus.OK, "user/register.jte", new RegisterView("", "", "", Optional.empty(), Optional.empty(),
                mode == RegistrationMode.CLOSED, mode == RegistrationMode.APPROVAL));
    }

    void register(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String displayName = Optional.ofNullable(ctx.formParam("displayName")).orElse("").strip();
        String credentials = Optional.ofNullable(ctx.formParam("credentials")).orElse("").strip();
        RegistrationMode mode = users.registration();
        try {
            users.register(username, ctx.formParam("password"), displayName.isEmpty() ? username : displayName, credentials,
                    auth.address(ctx));
            String next = mode == RegistrationMode.OPEN ? "Your account " + username + " is ready."
                    : "Your account " + username + " waits for an administrator's approval; you can log in once it is approved.";
            layout.render(ctx, HttpStatus.CREATED, "user/register.jte", new RegisterView(username, displayName, credentials,
                    Optional.empty(), Optional.of(next), false, false));
        } catch (RuntimeException failure) {
            WikiException e = Errors.forForm(failure);
            Errors.headers(ctx, e);
            layout.renderForm(ctx, Errors.status(e), "user/register.jte", new RegisterView(username, displayName, credentials,
                    Optional.of(e.getMessage()), Optional.empty(), mode == RegistrationMode.CLOSED, mode == RegistrationMode.APPROVAL));
        }
    }

    void logout(Context ctx) {
        auth.endSession(ctx);
        csrf.rotate(ctx);
        ctx.redirect("/wiki/Main_Page", HttpStatus.SEE_OTHER);
    }

    /** Sends an anonymous reader to the login form, to come back here afterwards. */
    static void sendToLogin(Context ctx) {
        String query = ctx.queryString();
        String here = ctx.path() + (query == null ? "" : "?" + query);
        ctx.redirect("/login?returnTo=" + URLEncoder.encode(here, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    // Only paths on this site: "//evil.example" or "https://evil.example" would make the login an open redirect.
    private static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.chars().anyMatch(c -> c < 0x20)) {
            return "/wiki/Main_Page";
        }
        return returnTo;
    }
}
