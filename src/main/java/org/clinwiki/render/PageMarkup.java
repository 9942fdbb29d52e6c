package org.clinwiki.render;

import java.util.Locale;

/**
 * The MediaWiki markup a page's text is read for before templates expand, outside code:
 * comments (shown to no reader), the inclusion tags ({@code <noinclude>}, {@code <includeonly>},
 * {@code <onlyinclude>}), {@code __TOC__} and {@code __NOTOC__}, {@code <references />}, and a
 * line of three to five tildes, which is an unsigned signature rather than a code fence. One
 * pass, linear in the text.
 *
 * @param text    the text with all of that taken out or replaced
 * @param noToc   the text said {@code __NOTOC__}
 * @param forceToc the text said {@code __TOC__}
 */
record PageMarkup(String text, boolean noToc, boolean forceToc) {

    /** Read as the page itself is shown: {@code <includeonly>} parts are left out. */
    static PageMarkup ofPage(String text) {
        return new Reader(text, false).read();
    }

    /**
     * Read as another page transcludes it: only the {@code <onlyinclude>} parts if there are any,
     * and without the {@code <noinclude>} parts.
     */
    static PageMarkup ofTranscluded(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int only = lower.indexOf("<onlyinclude>");
        if (only < 0) {
            return new Reader(text, true).read();
        }
        StringBuilder included = new StringBuilder();
        while (only >= 0) {
            int start = only + "<onlyinclude>".length();
            int end = lower.indexOf("</onlyinclude>", start);
            included.append(text, start, end < 0 ? text.length() : end);
            only = end < 0 ? -1 : lower.indexOf("<onlyinclude>", end);
        }
        return new Reader(included.toString(), true).read();
    }

    /** Replies deeper than this are indented as much. */
    private static final int MAX_INDENT = 10;

    private static final class Reader {
        private final String text;
        private final String lower;
        private final boolean transcluded;
        private final CodeRegions code;
        private final StringBuilder out;
        private boolean noToc;
        private boolean forceToc;
        /** Closing tags of an indented line, written when the reading reaches its end. */
        private String pendingClose = "";
        private int pendingCloseAt = -1;
        /** Where the next "-->" is, or -1 if there is none: found once, not once per unclosed comment. */
        private int commentEnd = -2;

        Reader(String text, boolean transcluded) {
            this.text = text;
            this.lower = text.toLowerCase(Locale.ROOT);
            this.transcluded = transcluded;
            this.code = CodeRegions.of(text);
            this.out = new StringBuilder(text.length());
        }

        PageMarkup read() {
            int i = 0;
            int length = text.length();
            // Lengths agree: toLowerCase(ROOT) could change them only for a few characters, checked here.
            boolean aligned = lower.length() == length;
            int nextCode = code.nextStart(0);
            while (i < length) {
                if (pendingCloseAt >= 0 && i >= pendingCloseAt) {
                    out.append(pendingClose);
                    pendingCloseAt = -1;
                }
                if (i >= nextCode) {
                    if (code.contains(i)) {
                        int end = Math.max(code.end(i), i + 1);
                        out.append(text, i, end);
                        i = end;
                        nextCode = code.nextStart(i);
                        continue;
                    }
                    nextCode = code.nextStart(i);
                }
                int next = aligned ? markupAt(i) : -1;
                if (next >= 0) {
                    i = next;
                    continue;
                }
                // Copied in runs up to the next character that could start markup: most of a page is plain text.
                int limit = Math.min(length, Math.min(nextCode, pendingCloseAt >= 0 ? pendingCloseAt : length));
                int j = i + 1;
                while (j < limit && !mayStartMarkup(text.charAt(j), text.charAt(j - 1))) {
                    j++;
                }
                out.append(text, i, j);
                i = j;
            }
            if (pendingCloseAt >= 0) {
                out.append(pendingClose);
            }
            return new PageMarkup(out.toString(), noToc, forceToc);
        }

        private static boolean mayStartMarkup(char c, char previous) {
            return c == '<' || c == '_' || previous == '\n' && (c == '~' || c == ' ' || c == ':');
        }

        /** Handles markup starting at {@code i}; returns the index after it, or -1 if there is none. */
        private int markupAt(int i) {
            char c = text.charAt(i);
            if (c == '<') {
                return tagAt(i);
            }
            if (c == '_' && text.startsWith("__NOTOC__", i)) {
                noToc = true;
                return i + "__NOTOC__".length();
            }
            if (c == '_' && text.startsWith("__TOC__", i)) {
                forceToc = true;
                return i + "__TOC__".length();
            }
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            if ((c == '~' || c == ' ') && lineStart) {
                return tildeLineAt(i);
            }
            if (c == ':' && lineStart && !isTableDelimiterRow(i)) {
                return indentedAt(i);
            }
            return -1;
        }

        private int tagAt(int i) {
            if (lower.startsWith("<!--", i)) {
                if (commentEnd != -1 && commentEnd < i + 4) {
                    commentEnd = lower.indexOf("-->", i + 4);
                }
                return commentEnd < 0 ? -1 : commentEnd + 3;
            }
            if (lower.startsWith("<includeonly>", i)) {
                return transcluded ? i + "<includeonly>".length() : skipPast(i, "</includeonly>");
            }
            if (lower.startsWith("<noinclude>", i)) {
                return transcluded ? skipPast(i, "</noinclude>") : i + "<noinclude>".length();
            }
            for (String tag : new String[] {"</includeonly>", "</noinclude>", "<onlyinclude>", "</onlyinclude>"}) {
                if (lower.startsWith(tag, i)) {
                    return i + tag.length();
                }
            }
            if (lower.startsWith("<references", i)) {
                return referencesAt(i);
            }
            return -1;
        }

        private int skipPast(int i, String closing) {
            int end = lower.indexOf(closing, i);
            return end < 0 ? text.length() : end + closing.length();
        }

        /** {@code <references />}, {@code <references/>} or {@code <references></references>}: where the notes go. */
        private int referencesAt(int i) {
            int j = skipSpaces(i + "<references".length());
            if (lower.startsWith("/>", j)) {
                out.append(References.PLACEHOLDER_BLOCK);
                return j + 2;
            }
            if (lower.startsWith(">", j)) {
                int close = skipSpaces(j + 1);
                if (lower.startsWith("</references>", close)) {
                    out.append(References.PLACEHOLDER_BLOCK);
                    return close + "</references>".length();
                }
            }
            return -1;
        }

        private int skipSpaces(int j) {
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return j;
        }

        /**
         * A talk page's reply, {@code :} (or {@code ::} and deeper) at the start of a line: an
         * indented block per level, so Markdown still works inside it. MediaWiki writes a definition
         * list's description without a term, which screen readers announce as a broken list.
         */
        private int indentedAt(int i) {
            int level = 0;
            while (i + level < text.length() && text.charAt(i + level) == ':') {
                level++;
            }
            int depth = Math.min(level, MAX_INDENT);
            out.append("<div class=\"reply\">".repeat(depth));
            int end = text.indexOf('\n', i);
            end = end < 0 ? text.length() : end;
            int contentStart = skipSpaces(i + level);
            // The line's own markup (a comment, a signature) is still read: only the colons are consumed here.
            return closeAtLineEnd(contentStart, end, depth);
        }

        /** A table's alignment row ({@code :--- | ---:}) starts with a colon too, and is no reply. */
        private boolean isTableDelimiterRow(int i) {
            int end = text.indexOf('\n', i);
            end = end < 0 ? text.length() : end;
            boolean dash = false;
            for (int j = i; j < end; j++) {
                char c = text.charAt(j);
                if (c == '-') {
                    dash = true;
                } else if (c != ':' && c != '|' && c != ' ' && c != '\t') {
                    return false;
                }
            }
            return dash;
        }

        private int closeAtLineEnd(int from, int end, int depth) {
            pendingClose = "</div>".repeat(depth);
            pendingCloseAt = end;
            return from;
        }

        /**
         * A line of only three to five tildes is a signature left unexpanded (as in a template), not
         * the start of a code block that would swallow the rest of the page: shown as typed.
         */
        private int tildeLineAt(int i) {
            int j = skipSpaces(i);
            int tildes = 0;
            while (j + tildes < text.length() && text.charAt(j + tildes) == '~') {
                tildes++;
            }
            int end = skipSpaces(j + tildes);
            boolean lineEnds = end == text.length() || text.charAt(end) == '\n';
            if (tildes < 3 || tildes > 5 || !lineEnds) {
                return -1;
            }
            out.append("\\~".repeat(tildes));
            return end;
        }
    }
}
