package org.clinwiki.wikitext;

/** Text shown as code: an inline span or a fenced block, fenced so no run inside can close it. */
final class Code {

    private Code() {
    }

    /** An inline code span showing {@code text} on one line (flexmark reads a table cell's bars in code as text). */
    static String inline(String text, MarkdownEscaper.Place place) {
        String line = text.replace("\r", "").replace('\n', ' ').strip();
        if (line.isEmpty()) {
            return "";
        }
        String fence = "`".repeat(longestRun(line, '`') + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`");
        return fence + (pad ? " " : "") + line + (pad ? " " : "") + fence;
    }

    /** A fenced block with an info string (a language, or empty), on lines of its own. */
    static String fenced(String language, String text) {
        String body = text.replace("\r", "");
        body = body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
        String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
        return fence + language + "\n" + body + "\n" + fence;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
