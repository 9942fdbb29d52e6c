package org.clinwiki.render;

import java.nio.charset.StandardCharsets;

/** Plain text and URLs written into Markdown so that they show as given and start nothing. */
final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * Markdown that shows {@code plain} literally: every ASCII punctuation character escaped
     * (CommonMark allows it for all of them), white space runs as one space, so a value can
     * start no link, tag, emphasis, code, block or template.
     */
    static String escape(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        boolean space = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A URL as a link destination in angle brackets, with what could end or break it percent-encoded. */
    static String linkDestination(String url) {
        StringBuilder out = new StringBuilder("<");
        for (byte b : url.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '\\' || c == '"' || c == '`') {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append('>').toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
