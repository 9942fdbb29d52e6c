package org.clinwiki.render;

import java.time.Instant;

/** TEMPORARY stub until the helper's version is merged. */
public final class Signatures {
    public static String expand(String markdown, String userName, String displayName, Instant now) {
        return markdown;
    }
}
