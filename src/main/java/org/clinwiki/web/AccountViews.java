package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.error.WikiException;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Logins;
import org.clinwiki.user.User;
import org.clinwiki.web.view.ChangePasswordView;

/**
 * HTML pages for one's own account: changing the password, through the same service as
 * {@code PUT /api/v1/me/password}, so the same rules, throttle and audit entry apply. Every
 * post passed the CSRF check before reaching here.
 */
final class AccountViews {

    private final Logins logins;
    private final Layout layout;
    private final Auth auth;

    AccountViews(Logins logins, Layout layout, Auth auth) {
        this.logins = logins;
        this.layout = layout;
        this.auth = auth;
    }

    void passwordForm(Context ctx) {
        Optional<User> viewer = auth.viewer(ctx);
        if (viewer.isEmpty()) {
            SessionViews.sendToLogin(ctx);
            return;
        }
        layout.render(ctx, "user/change-password.jte", new ChangePasswordView(viewer.get().name(),
                viewer.get().mustChangePassword(), Optional.empty(), Optional.empty()));
    }

    /**
     * Changes the password and keeps this browser's session (every other session and token of the
     * account is revoked). A refusal shows the form again, with the status the API would answer.
     */
    void changePassword(Context ctx) {
        Actor actor = auth.actor(ctx);
        User user = actor.user();
        String current = Optional.ofNullable(ctx.formParam("currentPassword")).orElse("");
        String chosen = Optional.ofNullable(ctx.formParam("newPassword")).orElse("");
        String repeated = Optional.ofNullable(ctx.formParam("repeatPassword")).orElse("");
        try {
            if (!chosen.equals(repeated)) {
                throw new InvalidInputException("password_mismatch", "The new password and its repetition differ; type the same one twice.");
            }
            String keep = auth.sessionToken(ctx).or(() -> auth.bearerToken(ctx)).orElse(null);
            logins.changePassword(actor, current, chosen, keep);
        } catch (RuntimeException failure) {
            WikiException e = Errors.forForm(failure);
            Errors.headers(ctx, e);
            layout.render(ctx, Errors.status(e), "user/change-password.jte",
                    new ChangePasswordView(user.name(), user.mustChangePassword(), Optional.of(e.getMessage()), Optional.empty()));
            return;
        }
        // The account as it is now (no longer bound to a one-time password), for this page's frame.
        auth.reload(ctx);
        layout.render(ctx, HttpStatus.OK, "user/change-password.jte", new ChangePasswordView(user.name(), false, Optional.empty(),
                Optional.of("Your password is changed. Your other sessions and API tokens were ended; this browser stays logged in.")));
    }
}
