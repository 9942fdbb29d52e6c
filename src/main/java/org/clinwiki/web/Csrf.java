package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.clinwiki.user.PermissionDeniedException;
import org.clinwiki.user.Tokens;

/**
 * Cross-site request forgery defence. Every form carries a token that another site cannot know,
 * and a request whose {@code Origin} is another site is refused outright; the session cookie
 * is also {@code SameSite=Lax}, so other sites' forms do not carry it.
 *
 * <ul>
 *   <li>Signed in, the token is bound to the session: it is derived from the session's own
 *       secret, so it changes at every login and no one else's token works.</li>
 *   <li>Signed out (the login and registration forms), it is bound to a random {@value #COOKIE}
 *       cookie (double submit: another site can neither read the cookie nor set the field).
 *       The cookie is replaced at login and logout.</li>
 *   <li>Either way, the token in a page is masked with fresh random bytes for each response, so
 *       a compressed page that also reflects what a visitor typed leaks nothing about it from
 *       one response to the next (BREACH).</li>
 * </ul>
 */
final class Csrf {

    static final String COOKIE = "cw_csrf";
    static final String FIELD = "csrf";
    private static final int TOKEN_BYTES = 32;
    // The anonymous cookie is a token from Tokens: "cw_" and 43 characters.
    private static final int MIN_COOKIE_LENGTH = 32;

    private final Tokens tokens;
    private final Auth auth;

    Csrf(Tokens tokens, Auth auth) {
        this.tokens = tokens;
        this.auth = auth;
    }

    /** A token for the forms of this response; for a visitor without one, sets the cookie it is bound to. */
    String formToken(Context ctx) {
        return mask(secret(ctx).orElseGet(() -> newCookie(ctx)));
    }

    /**
     * A token for this response if the browser already has what it is bound to, without setting a
     * cookie: pages without forms for an anonymous reader must not set cookies, or no shared
     * cache would keep them.
     */
    Optional<String> existingFormToken(Context ctx) {
        return secret(ctx).map(this::mask);
    }

    /** Gives the browser a new anonymous token: at login and logout, so one planted before does not outlive them. */
    void rotate(Context ctx) {
        newCookie(ctx);
    }

    /** Refuses a form post without the right token or from another site. */
    void checkForm(Context ctx) {
        checkOrigin(ctx);
        Optional<byte[]> expected = secret(ctx).map(Csrf::digest);
        String field = MultipartForm.isMultipart(ctx) ? MultipartForm.of(ctx).text(FIELD).orElse(null) : ctx.formParam(FIELD);
        if (expected.isEmpty() || field == null || !unmasks(field, expected.get())) {
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

    /** What this browser's tokens are bound to: its session if signed in, else its anonymous cookie (if any). */
    private Optional<String> secret(Context ctx) {
        Optional<String> session = auth.sessionToken(ctx);
        if (session.isPresent()) {
            return Optional.of("session:" + session.get());
        }
        String issued = ctx.attribute(COOKIE);
        String cookie = issued != null ? issued : ctx.cookie(COOKIE);
        return cookie != null && cookie.length() >= MIN_COOKIE_LENGTH ? Optional.of("browser:" + cookie) : Optional.empty();
    }

    private String newCookie(Context ctx) {
        String token = tokens.newToken();
        ctx.cookie(cookie(ctx, COOKIE, token, -1));
        ctx.attribute(COOKIE, token);
        return "browser:" + token;
    }

    /** The token, XOR-ed with a fresh one-time pad that travels with it: the same secret never looks the same twice. */
    private String mask(String secret) {
        byte[] token = digest(secret);
        byte[] pad = tokens.randomBytes(TOKEN_BYTES);
        byte[] masked = new byte[2 * TOKEN_BYTES];
        for (int i = 0; i < TOKEN_BYTES; i++) {
            masked[i] = pad[i];
            masked[TOKEN_BYTES + i] = (byte) (pad[i] ^ token[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(masked);
    }

    private static boolean unmasks(String field, byte[] expected) {
        byte[] masked;
        try {
            masked = Base64.getUrlDecoder().decode(field.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (masked.length != 2 * TOKEN_BYTES) {
            return false;
        }
        byte[] token = new byte[TOKEN_BYTES];
        for (int i = 0; i < TOKEN_BYTES; i++) {
            token[i] = (byte) (masked[i] ^ masked[TOKEN_BYTES + i]);
        }
        return MessageDigest.isEqual(token, expected);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("clinwiki csrf\n" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
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
