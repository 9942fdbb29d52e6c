package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.clinwiki.user.PermissionDeniedException;
import org.clinwiki.user.Tokens;

/**
 * Cross-site request forgery defence. Forms carry a token that must equal the browser's
 * {@value #COOKIE} cookie (double submit: another site can neither read the cookie nor set the
 * form field), and a request whose {@code Origin} is another site is refused outright. The
 * session cookie is also {@code SameSite=Lax}, so other sites' forms do not carry it.
 */
final class Csrf {

    static final String COOKIE = "cw_csrf";
    static final String FIELD = "csrf";

    private final Tokens tokens;

    Csrf(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The browser's token, set as a cookie on first sight. */
    String token(Context ctx) {
        Optional<String> existing = existing(ctx);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = tokens.newToken();
        ctx.cookie(cookie(ctx, COOKIE, token, -1));
        ctx.attribute(COOKIE, token);
        return token;
    }

    /**
     * The browser's token if it has one, without setting a cookie: pages without forms for an
     * anonymous reader must not set cookies, or no shared cache would keep them.
     */
    Optional<String> existing(Context ctx) {
        String issued = ctx.attribute(COOKIE);
        if (issued != null) {
            return Optional.of(issued);
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && cookie.length() >= 32 ? Optional.of(cookie) : Optional.empty();
    }

    /** Refuses a form post without the right token or from another site. */
    void checkForm(Context ctx) {
        checkOrigin(ctx);
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null || !MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new PermissionDeniedException("csrf", "This form has expired or did not come from this site. Go back, reload the page and try again.");
        }
    }

    /** Refuses a request that says it comes from another site. */
    void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        // Browsers send "null" from sandboxed frames and some redirects: not provably this site.
        if (origin != null && !sameOrigin(ctx, origin)) {
            throw new PermissionDeniedException("csrf", "Requests from other sites are not accepted.");
        }
    }

    /** Whether a browser request has an Origin naming this site (cookie-authenticated API writes need one). */
    boolean hasOwnOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        return origin != null && sameOrigin(ctx, origin);
    }

    private static boolean sameOrigin(Context ctx, String origin) {
        try {
            URI uri = URI.create(origin);
            String host = ctx.host();
            return host != null && uri.getScheme() != null && host.equalsIgnoreCase(uri.getAuthority())
                    && uri.getScheme().equals(scheme(ctx));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String scheme(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        return forwarded != null ? forwarded.strip().toLowerCase(Locale.ROOT) : ctx.scheme();
    }

    /** A cookie only this site's pages send and scripts cannot read; Secure when served over HTTPS. */
    static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, "https".equals(scheme(ctx)), true, null, SameSite.LAX);
    }
}
