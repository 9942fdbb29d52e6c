package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.error.WikiException;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.PageNotFoundException;
import org.clinwiki.page.PageReader;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;
import org.clinwiki.user.UserAdministration;
import org.clinwiki.user.UserService;
import org.clinwiki.web.view.Dates;
import org.clinwiki.web.view.PageAdminView;
import org.clinwiki.web.view.PendingAccountsView;
import org.clinwiki.web.view.UserAdminView;

/**
 * The administrators' forms: protect, delete and restore a page; change an account's role,
 * block and unblock it; approve accounts waiting for approval. Each form calls the same service as the API, so the same rules and
 * the same audit entries apply; these pages only spare administrators the command line.
 */
final class AdminViews {

    private static final int PENDING_PAGE = 50;

    private final PageModeration moderation;
    private final PageReader reader;
    private final UserService users;
    private final UserAdministration administration;
    private final Permissions permissions;
    private final Layout layout;
    private final Auth auth;

    AdminViews(PageModeration moderation, PageReader reader, UserService users, UserAdministration administration, Permissions permissions,
               Layout layout, Auth auth) {
        this.moderation = moderation;
        this.reader = reader;
        this.users = users;
        this.administration = administration;
        this.permissions = permissions;
        this.layout = layout;
        this.auth = auth;
    }

    void pageForm(Context ctx) {
        Optional<Actor> admin = administrator(ctx, Right.PROTECT);
        if (admin.isPresent()) {
            showPage(ctx, admin.get(), title(ctx), "");
        }
    }

    void protect(Context ctx) {
        Actor actor = auth.actor(ctx);
        Title title = title(ctx);
        Role role = Role.ofKey(form(ctx, "edit")).filter(r -> r != Role.READER)
                .orElseThrow(() -> new InvalidInputException("invalid_protection", "Choose editors or administrators."));
        ReadYourWrites.committed(ctx, moderation.protect(actor, title, role, form(ctx, "reason")).changeSequence());
        showPage(ctx, actor, title, role == Role.ADMIN ? "The page is protected." : "Editors can edit the page.");
    }

    void delete(Context ctx) {
        Actor actor = auth.actor(ctx);
        Title title = title(ctx);
        ReadYourWrites.committed(ctx, moderation.delete(actor, title, form(ctx, "reason")).changeSequence());
        showPage(ctx, actor, title, "The page is deleted.");
    }

    void restore(Context ctx) {
        Actor actor = auth.actor(ctx);
        Title title = title(ctx);
        ReadYourWrites.committed(ctx, moderation.restore(actor, title, form(ctx, "reason")).changeSequence());
        showPage(ctx, actor, title, "The page is restored.");
    }

    void userForm(Context ctx) {
        Optional<Actor> admin = administrator(ctx, Right.BLOCK);
        if (admin.isPresent()) {
            showUser(ctx, users.require(ctx.pathParam("name")), "");
        }
    }

    void changeRole(Context ctx) {
        Actor actor = auth.actor(ctx);
        Role role = Role.ofKey(form(ctx, "role"))
                .orElseThrow(() -> new InvalidInputException("invalid_role", "Choose reader, editor or administrator."));
        User changed = administration.changeRole(actor, ctx.pathParam("name"), role, form(ctx, "reason"));
        showUser(ctx, changed, "The role is now " + role.key() + ".");
    }

    void block(Context ctx) {
        Actor actor = auth.actor(ctx);
        User blocked = administration.block(actor, ctx.pathParam("name"), form(ctx, "reason"), AdminApi.expiry(form(ctx, "expires")));
        showUser(ctx, blocked, "The account is blocked.");
    }

    void unblock(Context ctx) {
        Actor actor = auth.actor(ctx);
        showUser(ctx, administration.unblock(actor, ctx.pathParam("name"), form(ctx, "reason")), "The account is unblocked.");
    }

    /** Accounts waiting for approval, a page at a time ({@code ?after=NAME&limit=N}), each with its Approve button. */
    void pendingAccounts(Context ctx) {
        Optional<Actor> admin = administrator(ctx, Right.APPROVE_ACCOUNT);
        if (admin.isPresent()) {
            showPending(ctx, HttpStatus.OK, admin.get(), Requests.query(ctx, "after"), Optional.empty(), Optional.empty());
        }
    }

    /** Approves one account and shows the list again (at the page the button was on), or why it could not. */
    void approve(Context ctx) {
        Actor actor = auth.actor(ctx);
        permissions.require(actor.user(), Right.APPROVE_ACCOUNT);
        String after = form(ctx, "after");
        try {
            User approved = administration.approve(actor, ctx.pathParam("name"));
            showPending(ctx, HttpStatus.OK, actor, after, Optional.of(approved.displayName() + " (" + approved.name()
                    + ") is approved and can log in now."), Optional.empty());
        } catch (RuntimeException failure) {
            WikiException e = Errors.forForm(failure);
            Errors.headers(ctx, e);
            showPending(ctx, Errors.status(e), actor, after, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private void showPending(Context ctx, HttpStatus status, Actor actor, String after, Optional<String> done,
                             Optional<String> error) {
        int limit = Requests.bounded(ctx, "limit", PENDING_PAGE, 1, Requests.MAX_LIMIT);
        List<User> pending = administration.pending(actor.user(), after, limit + 1);
        List<PendingAccountsView.Row> rows = pending.subList(0, Math.min(limit, pending.size())).stream()
                .map(user -> new PendingAccountsView.Row(user.name(), user.displayName(), user.credentials(),
                        Dates.shown(user.createdAt()), Dates.iso(user.createdAt())))
                .toList();
        Optional<String> next = pending.size() > limit
                ? Optional.of("/special/pending-accounts?after=" + URLEncoder.encode(pending.get(limit - 1).name(), StandardCharsets.UTF_8)
                        + (limit == PENDING_PAGE ? "" : "&limit=" + limit))
                : Optional.empty();
        layout.render(ctx, status, "special/pending-accounts.jte", new PendingAccountsView(rows, after, next, done, error));
    }

    /** The acting administrator; anyone else is sent to log in or refused. */
    private Optional<Actor> administrator(Context ctx, Right right) {
        if (auth.viewer(ctx).isEmpty()) {
            SessionViews.sendToLogin(ctx);
            return Optional.empty();
        }
        Actor actor = auth.actor(ctx);
        permissions.require(actor.user(), right);
        return Optional.of(actor);
    }

    private void showPage(Context ctx, Actor actor, Title title, String done) {
        Page page = reader.find(title, Optional.of(actor.user())).orElseThrow(() -> new PageNotFoundException(title));
        layout.render(ctx, "special/page-admin.jte", new PageAdminView(page.title().text(), page.title().urlPath(),
                page.editRole().key(), page.deleted(), done));
    }

    private void showUser(Context ctx, User user, String done) {
        layout.render(ctx, "special/user-admin.jte", new UserAdminView(user.name(), user.displayName(), user.role().key(),
                user.status().key(), user.block().map(block -> block.reason()),
                user.block().flatMap(block -> block.until()).map(Dates::shown), done));
    }

    private static Title title(Context ctx) {
        String raw = Optional.ofNullable(ctx.formParam("title")).orElseGet(() -> Requests.query(ctx, "title"));
        return Title.parse(raw);
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }
}
