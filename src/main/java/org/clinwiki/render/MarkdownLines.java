package org.clinwiki.render;

/**
 * What a line of Markdown starts, judged from the line alone as CommonMark's block parser first
 * sees it. {@code pos} is the line's first character and {@code eol} its end (the line feed or the
 * end of the text). Shared by {@link CodeRegions} and {@link Sections} so that both agree on where
 * paragraphs and headings are.
 */
final class MarkdownLines {

    private MarkdownLines() {
    }

    static int lineEnd(String text, int pos) {
        int eol = text.indexOf('\n', pos);
        return eol < 0 ? text.length() : eol;
    }

    /** Index of the first non-space character of the line, or {@code eol}. */
    static int firstNonSpace(String text, int pos, int eol) {
        int i = pos;
        while (i < eol && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether {@code [pos, eol)} holds only whitespace ({@code \r} included). */
    static boolean isBlank(String text, int pos, int eol) {
        for (int i = pos; i < eol; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code #} to {@code ######} after at most three spaces, then a space or the end. */
    static boolean isAtxHeading(String text, int pos, int eol) {
        int i = firstNonSpace(text, pos, eol);
        int hashes = run(text, i, eol, '#');
        int after = i + hashes;
        return i - pos <= 3 && hashes >= 1 && hashes <= 6 && (after == eol || isSpace(text.charAt(after)));
    }

    /** A setext underline: only {@code =} or only {@code -} after at most three spaces. */
    static boolean isUnderline(String text, int pos, int eol) {
        int i = firstNonSpace(text, pos, eol);
        if (i - pos > 3 || i == eol || (text.charAt(i) != '=' && text.charAt(i) != '-')) {
            return false;
        }
        return isBlank(text, i + run(text, i, eol, text.charAt(i)), eol);
    }

    /** Space, tab, or the {@code \r} of a CRLF line end, which is never content. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    static int run(String text, int from, int eol, char c) {
        int i = from;
        while (i < eol && text.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    /** {@code ***}, {@code - - -}, {@code ___}: three or more of one mark, spaces between. */
    static boolean isThematicBreak(String text, int first, int eol) {
        char c = first < eol ? text.charAt(first) : ' ';
        int marks = 0;
        for (int i = first; i < eol; i++) {
            char d = text.charAt(i);
            if (d == c) {
                marks++;
            } else if (!isSpace(d)) {
                return false;
            }
        }
        return (c == '*' || c == '-' || c == '_') && marks >= 3;
    }

    /** A list item ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}) or a block quote. */
    static boolean startsContainer(String text, int first, int eol) {
        char c = text.charAt(first);
        if (c == '>') {
            return true;
        }
        int i = first;
        while (i < eol && i - first < 9 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        boolean marker = i > first ? i < eol && (text.charAt(i) == '.' || text.charAt(i) == ')')
                : c == '-' || c == '+' || c == '*';
        int after = i > first ? i + 1 : first + 1;
        return marker && (after >= eol || isSpace(text.charAt(after)));
    }
}
