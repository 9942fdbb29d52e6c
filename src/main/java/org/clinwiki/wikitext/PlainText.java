package org.clinwiki.wikitext;

import java.util.function.IntPredicate;

/**
 * Wikitext as the words a reader saw, for values Clinwiki shows as typed (citation parameters):
 * links as their labels, no emphasis, tags or nested calls, on one line. The result can stand
 * between a template call's bars: bars and braces inside it are replaced.
 */
final class PlainText {

    private PlainText() {
    }

    static String of(String wikitext, Session session) {
        String text = session.stash().source(wikitext);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int length = text.length();
        // Where the next closing brackets are: found again only once passed, so unclosed ones stay linear.
        int linkClose = -2;
        int bracketClose = -2;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\'' && i + 1 < length && text.charAt(i + 1) == '\'') {
                while (i < length && text.charAt(i) == '\'') {
                    i++;
                }
            } else if (c == '[' && text.startsWith("[[", i)) {
                if (linkClose != -1 && linkClose < i + 2) {
                    linkClose = text.indexOf("]]", i + 2);
                }
                int end = linkClose;
                if (end < 0) {
                    out.append('[');
                    i += 2;
                } else {
                    String inner = text.substring(i + 2, end);
                    out.append(inner.substring(inner.lastIndexOf('|') + 1));
                    i = end + 2;
                }
            } else if (c == '[' && (text.startsWith("[http", i) || text.startsWith("[//", i))) {
                if (bracketClose != -1 && bracketClose < i) {
                    bracketClose = text.indexOf(']', i);
                }
                int end = bracketClose;
                int space = text.indexOf(' ', i);
                if (end < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(space > 0 && space < end ? text.substring(space + 1, end) : text.substring(i + 1, end));
                    i = end + 1;
                }
            } else if (c == '{' && text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i);
                session.issues().add("template inside a citation", "dropped");
                i = end < 0 ? length : end + 2;
            } else if (c == '<') {
                int end = text.indexOf('>', i);
                i = end < 0 ? length : end + 1;
            } else {
                out.append(c == '|' ? '/' : c == '}' || c == '\n' || c == '\t' ? ' ' : c);
                i++;
            }
        }
        return oneSpaced(Entities.decode(out.toString()));
    }

    /** Runs of whitespace as one space, none at the ends. */
    private static String oneSpaced(String text) {
        return collapsed(text, Character::isWhitespace);
    }

    /** Runs of the characters {@code spacing} accepts as one space, none at the ends. */
    static String collapsed(String text, IntPredicate spacing) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (spacing.test(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
