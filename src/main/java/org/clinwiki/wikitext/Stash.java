package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;

/**
 * Pieces already converted (code, references, template calls), each replaced in the text by a
 * token until the end, as MediaWiki's strip markers do: later passes cannot read markup into
 * them, and they still stand where they were. A token is two private-use characters around a
 * number; the input has those characters replaced before conversion, so a page cannot forge one.
 */
final class Stash {

    static final char START = '\uF8F0';
    static final char END = '\uF8F1';
    /** Tokens are resolved to this depth at most: deeper ones only come from hostile nesting. */
    private static final int MAX_DEPTH = 100;

    /**
     * @param block whether the piece is a block of its own (a code fence, a quotation)
     * @param call  whether it is a template call, which on a line of its own is taken as a block
     */
    private record Piece(String markdown, String source, boolean block, boolean call) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /** A token for inline Markdown; {@code source} is the wikitext it came from. */
    String inline(String markdown, String source) {
        return put(new Piece(markdown, source, false, false));
    }

    /** A token for a template call: inline in a line of text, a block of its own on a line alone. */
    String call(String markdown, String source) {
        return put(new Piece(markdown, source, false, true));
    }

    /** A token for a block: a line holding one is split around it, so it stands on lines of its own. */
    String block(String markdown, String source) {
        return put(new Piece(markdown, source, true, false));
    }

    /** Changes what a token stands for: the list of notes is placed only once all lists are known. */
    void replace(String token, String markdown) {
        int index = number(token, 1, token.length() - 1);
        if (index >= 0) {
            Piece piece = pieces.get(index);
            pieces.set(index, new Piece(markdown, piece.source(), piece.block(), piece.call()));
        }
    }

    private String put(Piece piece) {
        pieces.add(piece);
        return START + Integer.toString(pieces.size() - 1) + END;
    }

    /**
     * Whether a line is only template calls: on MediaWiki such a line (an infobox, a navigation
     * box, a hatnote) is a block of its own, and the template Clinwiki expands may be a table or a
     * list, which must not continue a paragraph.
     */
    boolean isCallLine(String line) {
        String trimmed = line.strip();
        int at = 0;
        while (at < trimmed.length()) {
            if (trimmed.charAt(at) != START) {
                return false;
            }
            int end = trimmed.indexOf(END, at);
            int index = end < 0 ? -1 : number(trimmed, at + 1, end);
            if (index < 0 || !pieces.get(index).call()) {
                return false;
            }
            at = end + 1;
            while (at < trimmed.length() && trimmed.charAt(at) == ' ') {
                at++;
            }
        }
        return at > 0;
    }

    /** Whether the text is one block token and nothing else. */
    boolean isBlock(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < 3 || trimmed.charAt(0) != START || trimmed.indexOf(END) != trimmed.length() - 1) {
            return false;
        }
        int index = number(trimmed, 1, trimmed.length() - 1);
        return index >= 0 && pieces.get(index).block();
    }

    /** The line cut before and after each block token in it; the line itself if it has none. */
    List<String> splitAtBlocks(String line) {
        int start = line.indexOf(START);
        if (start < 0) {
            return List.of(line);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (start >= 0) {
            int end = line.indexOf(END, start);
            if (end < 0) {
                break;
            }
            int index = number(line, start + 1, end);
            if (index >= 0 && pieces.get(index).block()) {
                parts.add(line.substring(from, start));
                parts.add(line.substring(start, end + 1));
                from = end + 1;
            }
            start = line.indexOf(START, end + 1);
        }
        parts.add(line.substring(from));
        parts.removeIf(String::isBlank);
        return parts.isEmpty() ? List.of("") : parts;
    }

    /** The text with every token replaced by its Markdown. */
    String markdown(String text) {
        return resolve(text, true, 0);
    }

    /** The text with every token replaced by the wikitext it came from: for code, which shows the source. */
    String source(String text) {
        return resolve(text, false, 0);
    }

    private String resolve(String text, boolean markdown, int depth) {
        int start = text.indexOf(START);
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        while (start >= 0) {
            int end = text.indexOf(END, start);
            if (end < 0) {
                break;
            }
            int index = number(text, start + 1, end);
            out.append(text, at, start);
            if (index >= 0 && depth < MAX_DEPTH) {
                Piece piece = pieces.get(index);
                String resolved = resolve(markdown ? piece.markdown() : piece.source(), markdown, depth + 1);
                // Two code spans side by side ("`a``b`") would read as one opened by a double backtick: a space parts them.
                if (markdown && !resolved.isEmpty() && resolved.charAt(0) == '`' && !out.isEmpty() && out.charAt(out.length() - 1) == '`') {
                    out.append(' ');
                }
                out.append(resolved);
            }
            at = end + 1;
            start = text.indexOf(START, at);
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    private int number(String text, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n < pieces.size() ? n : -1;
    }

    /** The input with the token characters replaced, so only this class makes tokens. */
    static String clean(String text) {
        if (text.indexOf(START) < 0 && text.indexOf(END) < 0 && text.indexOf('\uE000') < 0) {
            return text;
        }
        // U+E000 is Clinwiki's own placeholder for the list of notes.
        return text.replace(START, '\uFFFD').replace(END, '\uFFFD').replace('\uE000', '\uFFFD');
    }
}
