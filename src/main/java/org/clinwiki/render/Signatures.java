package org.clinwiki.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Talk-page signatures, expanded when a page is saved so the stored text says who wrote and
 * when: {@code ~~~~} becomes a link to the author's user page, one to their talk page and the
 * time in UTC; {@code ~~~} the user link alone; {@code ~~~~~} the time alone. Not inside code;
 * longer runs of tildes are left as typed.
 */
public final class Signatures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm, d MMMM yyyy '(UTC)'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Signatures() {
    }

    public static String expand(String markdown, String userName, String displayName, Instant now) {
        if (!markdown.contains("~~~")) {
            return markdown;
        }
        String user = "[[User:" + userName + "|" + label(userName, displayName) + "]]";
        String time = TIME.format(now);
        CodeRegions code = CodeRegions.of(markdown);
        StringBuilder out = new StringBuilder(markdown.length() + 128);
        int i = 0;
        while (i < markdown.length()) {
            if (code.contains(i)) {
                int end = Math.max(code.end(i), i + 1);
                out.append(markdown, i, end);
                i = end;
                continue;
            }
            char c = markdown.charAt(i);
            int run = 0;
            while (c == '~' && i + run < markdown.length() && markdown.charAt(i + run) == '~') {
                run++;
            }
            switch (run) {
                case 3 -> out.append(user);
                case 4 -> out.append(user).append(" ([[User talk:").append(userName).append("|talk]]) ").append(time);
                case 5 -> out.append(time);
                case 0 -> out.append(c);
                default -> out.append(markdown, i, i + run);
            }
            i += Math.max(run, 1);
        }
        return out.toString();
    }

    /** The display name, unless it could break out of the link it is the label of. */
    private static String label(String userName, String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.chars().anyMatch(ch -> "[]|{}<>\n\r~".indexOf(ch) >= 0)) {
            return userName;
        }
        return displayName.strip();
    }
}
