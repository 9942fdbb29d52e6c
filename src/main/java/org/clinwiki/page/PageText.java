package org.clinwiki.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.clinwiki.error.InvalidInputException;

/** The rules page text and edit summaries follow before they are stored. */
public final class PageText {

    static final int SUMMARY_MAX = 500;

    private PageText() {
    }

    /**
     * Line endings become {@code \n}, NUL characters and a byte-order mark go, and trailing white
     * space is trimmed (as MediaWiki does), so that saving the same text twice is recognised.
     */
    static String normalize(String markdown) {
        // Looked for first: replacing in text beyond Latin-1 copies it whole even when nothing matches (imports normalise a lot).
        String text = markdown.indexOf('\r') < 0 && markdown.indexOf('\u0000') < 0 ? markdown
                : markdown.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.stripTrailing();
    }

    /** Refuses text longer than {@code maxBytes} in UTF-8 with {@link PageTooLargeException}. */
    static void requireWithin(String markdown, long maxBytes) {
        long bytes = utf8Length(markdown);
        if (bytes > maxBytes) {
            throw new PageTooLargeException(bytes, maxBytes);
        }
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One line, no control characters, at most {@value #SUMMARY_MAX} characters. */
    static String summary(String summary) {
        String line = summary == null ? "" : summary.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
        if (line.length() > SUMMARY_MAX) {
            throw new InvalidInputException("summary_too_long", "An edit summary can have at most " + SUMMARY_MAX + " characters.");
        }
        return line;
    }

    /** A revision's {@code sha1}: the hex SHA-1 of its text in UTF-8 (also what {@code migrate-db} checks each copied revision by). */
    public static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }
}
