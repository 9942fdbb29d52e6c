package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * HTTP caching of page views. Anonymous views are the same for every reader, so they carry
 * an ETag and may be stored by a shared cache, which must revalidate each time (a 304 costs
 * almost nothing) and must not hand them to someone with cookies. Signed-in views show the
 * user's name and forms with their CSRF token: never stored at all.
 */
final class Freshness {

    private Freshness() {
    }

    /** Sets the caching headers; answers 304 and returns true if the client's copy is current. */
    static boolean unchanged(Context ctx, boolean signedIn, String etag, Instant lastModified) {
        if (signedIn) {
            ctx.header("Cache-Control", "private, no-store");
            return false;
        }
        ctx.header("Cache-Control", "public, max-age=0, must-revalidate");
        ctx.header("Vary", "Cookie, Accept-Encoding");
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        // Only the ETag decides: the page can change without its own date moving (a link target created).
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return true;
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
