package org.clinwiki.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * MediaWiki talk-page signatures, expanded once when a page is saved so that the stored text
 * says who signed and when: {@code ~~~} is the user link, {@code ~~~~} the user link, talk link
 * and timestamp, {@code ~~~~~} the timestamp alone. A run of more than five tildes is left as
 * written (it is decoration, not a signature), and so is anything inside code, which is how a
 * page shows the tildes themselves.
 */
public final class Signatures {

    // English and UTC whatever the server's locale: the text is stored and read by everyone.
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm, d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Signatures() {
    }

    /**
     * The text with its signatures expanded for {@code userName}, labelled with
     * {@code displayName} unless that is blank or could break out of the link; the same instance
     * when there is nothing to expand.
     */
    public static String expand(String markdown, String userName, String displayName, Instant now) {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(now, "now");
        int i = markdown.indexOf("~~~");
        if (i < 0) {
            return markdown;
        }
        CodeRegions code = CodeRegions.of(markdown);
        String user = "[[User:" + userName + "|" + label(userName, displayName) + "]]";
        String time = TIME.format(now) + " (UTC)";
        String full = user + " ([[User talk:" + userName + "|talk]]) " + time;
        StringBuilder out = null;
        int copied = 0;
        int n = markdown.length();
        while (i >= 0 && i < n) {
            int end = i;
            while (end < n && markdown.charAt(end) == '~') {
                end++;
            }
            int length = end - i;
            if (length >= 3 && length <= 5 && !code.contains(i)) {
                if (out == null) {
                    out = new StringBuilder(n + full.length());
                }
                out.append(markdown, copied, i).append(length == 3 ? user : length == 4 ? full : time);
                copied = end;
            }
            // Continue after the whole run so that 1 MiB of tildes is one step, not a million.
            i = markdown.indexOf('~', end);
        }
        return out == null ? markdown : out.append(markdown, copied, n).toString();
    }

    /** The display name, unless it is blank or holds link or markup syntax. */
    static String label(String userName, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return userName;
        }
        for (int i = 0; i < displayName.length(); i++) {
            if ("[]|{}<>\n\r".indexOf(displayName.charAt(i)) >= 0) {
                return userName;
            }
        }
        return displayName.strip();
    }
}
