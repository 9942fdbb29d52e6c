package org.clinwiki.wikitext;

/**
 * Text that MediaWiki showed as typed, written so that Markdown (and Clinwiki's own markup:
 * templates, wiki links, replies, signatures) shows it as typed too. Only what could start
 * markup gets a backslash, so ordinary prose stays readable in the editor.
 */
final class MarkdownEscaper {

    /**
     * Where the text goes: a table cell also escapes the cell separator; a wiki link's label is
     * not Markdown in Clinwiki (it shows as typed), so nothing in it is escaped.
     */
    enum Place { TEXT, TABLE, LABEL }

    private MarkdownEscaper() {
    }

    static String escape(String plain, Place place) {
        StringBuilder out = new StringBuilder(plain.length() + 8);
        append(out, plain, false, place);
        return out.toString();
    }

    /** Escaped as if it might begin a line: for pieces placed later, where they may stand first. */
    static String escapeAnywhere(String plain, Place place) {
        int lead = 0;
        while (lead < plain.length() && (plain.charAt(lead) == ' ' || plain.charAt(lead) == '\t')) {
            lead++;
        }
        StringBuilder out = new StringBuilder(plain.length() + 8).append(plain, 0, lead);
        append(out, plain.substring(lead), true, place);
        return out.toString();
    }

    /**
     * Appends {@code plain} escaped; {@code lineStart} says whether it begins a line, where more
     * characters start blocks. Returns whether the output still stands at a line's start.
     */
    static boolean append(StringBuilder out, String plain, boolean lineStart, Place place) {
        if (place == Place.LABEL) {
            out.append(plain);
            return false;
        }
        int length = plain.length();
        boolean start = lineStart;
        for (int i = 0; i < length; i++) {
            if (!start) {
                int safe = i;
                while (safe < length && !special(plain.charAt(safe))) {
                    safe++;
                }
                if (safe > i) {
                    out.append(plain, i, safe);
                    i = safe;
                    if (i == length) {
                        break;
                    }
                }
            }
            char c = plain.charAt(i);
            if (c == '\n') {
                out.append(c);
                start = true;
                continue;
            }
            if (start && (c == ' ' || c == '\t')) {
                continue;
            }
            if (start) {
                start = false;
                int after = lineStartEscape(out, plain, i);
                if (after > i) {
                    i = after - 1;
                    continue;
                }
            }
            switch (c) {
                case '_' -> out.append(intraword(plain, i) ? "" : "\\").append(c);
                case '\\', '*', '`', '<' -> out.append('\\').append(c);
                case '[', ']' -> out.append('\\').append(c);
                case '|' -> out.append(place == Place.TABLE ? "\\|" : "|");
                case '{', '}' -> out.append(neighbour(plain, i, c) ? "\\" : "").append(c);
                case '&' -> out.append(i + 1 < length && (Character.isLetter(plain.charAt(i + 1)) || plain.charAt(i + 1) == '#')
                        ? "\\&" : "&");
                case '~' -> i = tildes(out, plain, i) - 1;
                default -> out.append(c);
            }
        }
        return start;
    }

    /** Whether a character may need escaping anywhere in a line (most do not: they are copied in runs). */
    private static boolean special(char c) {
        return c < 128 && SPECIAL[c];
    }

    private static final boolean[] SPECIAL = new boolean[128];

    static {
        for (char c : "\\*_`<[]|{}&~\n".toCharArray()) {
            SPECIAL[c] = true;
        }
    }

    /** Escapes what starts a block at a line's start; returns the index after what it wrote, or {@code i}. */
    private static int lineStartEscape(StringBuilder out, String plain, int i) {
        char c = plain.charAt(i);
        if ("#>+-=:|~".indexOf(c) >= 0) {
            out.append('\\').append(c);
            return i + 1;
        }
        int j = i;
        while (j < plain.length() && j - i < 10 && plain.charAt(j) >= '0' && plain.charAt(j) <= '9') {
            j++;
        }
        if (j > i && j < plain.length() && (plain.charAt(j) == '.' || plain.charAt(j) == ')')) {
            out.append(plain, i, j).append('\\').append(plain.charAt(j));
            return j + 1;
        }
        return i;
    }

    /** An underscore between letters or digits ({@code file_name.png}), which never makes emphasis in Markdown. */
    private static boolean intraword(String plain, int i) {
        return i > 0 && i + 1 < plain.length() && Character.isLetterOrDigit(plain.charAt(i - 1))
                && Character.isLetterOrDigit(plain.charAt(i + 1));
    }

    private static boolean neighbour(String plain, int i, char c) {
        return i > 0 && plain.charAt(i - 1) == c || i + 1 < plain.length() && plain.charAt(i + 1) == c;
    }

    /**
     * A run of three to five tildes stays as typed: an unexpanded signature, which Clinwiki knows.
     * Two or more others would be strikethrough, so each is escaped.
     */
    private static int tildes(StringBuilder out, String plain, int i) {
        int j = i;
        while (j < plain.length() && plain.charAt(j) == '~') {
            j++;
        }
        int run = j - i;
        if (run == 1 || run >= 3 && run <= 5) {
            out.append(plain, i, j);
        } else {
            out.append("\\~".repeat(run));
        }
        return j;
    }
}
