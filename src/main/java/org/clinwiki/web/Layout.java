package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.clinwiki.error.WikiException;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;
import org.clinwiki.web.view.Chrome;

/** Renders a page template inside the site frame, for the current request. */
final class Layout {

    private final Templates templates;
    private final Auth auth;
    private final Csrf csrf;
    private final Assets assets;

    // Templates and assets change only with a new build, which means a restart: the start time stands for them.
    private final String version = Long.toString(System.currentTimeMillis(), 36);

    Layout(Templates templates, Auth auth, Csrf csrf, Assets assets) {
        this.templates = templates;
        this.auth = auth;
        this.csrf = csrf;
        this.assets = assets;
    }

    void render(Context ctx, String template, Object view) {
        render(ctx, HttpStatus.OK, template, view);
    }

    void render(Context ctx, HttpStatus status, String template, Object view) {
        ctx.status(status).html(page(ctx, template, view));
    }

    /** The page as HTML, without sending it (to keep a copy). */
    String page(Context ctx, String template, Object view) {
        return templates.render(template, chrome(ctx), view);
    }

    /** Renders a page whose form an anonymous visitor may submit (log in, register): it needs the CSRF cookie. */
    void renderForm(Context ctx, HttpStatus status, String template, Object view) {
        csrf.formToken(ctx);
        render(ctx, status, template, view);
    }

    /** Identifies what every page shares (this build's templates and assets): part of every page's ETag. */
    String version() {
        return version;
    }

    Chrome chrome(Context ctx) {
        Optional<User> viewer;
        try {
            viewer = auth.viewer(ctx);
        } catch (WikiException e) {
            viewer = Optional.empty();
        }
        String query = ctx.queryString();
        String here = ctx.path() + (query == null ? "" : "?" + query);
        String search = ctx.path().equals("/search") ? Requests.query(ctx, "q") : "";
        // Signed-in users get forms on every page (log out); anonymous readers only where a form needs it.
        String token = viewer.isPresent() ? csrf.formToken(ctx) : csrf.existingFormToken(ctx).orElse("");
        return new Chrome(viewer.map(user -> new Chrome.Badge(user.name(), user.displayName(), user.role() == Role.ADMIN,
                        user.mustChangePassword())),
                token, assets.url("wiki.css"), assets.url("wiki.js"), assets.url("favicon.svg"), here, search);
    }
}
