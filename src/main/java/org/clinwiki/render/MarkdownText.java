package org.clinwiki.render;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * Values from outside (template parameters) written into Markdown so they show as typed and
 * can start nothing: no block, heading, list, code, emphasis, link, wiki link or HTML.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * Markdown that displays {@code plain} literally, on one line. ASCII punctuation gets a
     * backslash (CommonMark allows escaping any of it), and every run of whitespace, line breaks
     * and control characters becomes one space, so nothing can begin a block.
     *
     * <p>Three characters are written as numeric character references instead: {@code :},
     * {@code @} and the {@code .} after "www". flexmark's autolink extension unescapes text
     * before looking for URLs and then links the escaped source, so "https\:\/\/x\.org" would
     * become a link showing its backslashes; a reference splits the text where the link finder
     * needs it whole.
     */
    static String escape(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 4 + 8);
        boolean pendingSpace = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (c == ':' || c == '@' || c == '.' && i >= 3 && plain.regionMatches(true, i - 3, "www", 0, 3)) {
                out.append("&#").append((int) c).append(';');
            } else if (isAsciiPunctuation(c)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (pendingSpace) {
            out.append(' ');
        }
        return out.toString();
    }

    /**
     * {@code url} as a CommonMark link destination in angle brackets, where parentheses need no
     * balancing. What brackets cannot hold (angle brackets, line breaks), the backslash they would
     * read as an escape, and what a browser would not send as is (spaces, controls, non-ASCII) are
     * percent-encoded in UTF-8. The caller checks the scheme.
     *
     * <p>An {@code &} stays as is: query strings need it, and CommonMark decodes entities in a
     * destination, so a URL that contains an entity-like {@code &name;} is read as that character.
     */
    static String linkDestination(String url) {
        return "<" + percentEncode(url, c -> c > ' ' && c < 0x7F && c != '<' && c != '>' && c != '\\') + ">";
    }

    /** {@code text} with every code point that {@code keep} rejects percent-encoded as UTF-8 bytes. */
    static String percentEncode(String text, IntPredicate keep) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (keep.test(c)) {
                out.appendCodePoint(c);
                return;
            }
            for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        });
        return out.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
