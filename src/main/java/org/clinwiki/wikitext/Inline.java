package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;

/**
 * One line's inline markup as Markdown: links, external links, HTML tags, page switches, bare
 * URLs and apostrophes ({@link Quotes}); the text between them escaped. The line is first read
 * into pieces, since how an apostrophe run reads depends on the whole line, then written.
 */
final class Inline {

    private final String line;
    private final Session session;
    private final MarkdownEscaper.Place place;
    private final List<InlinePiece> pieces = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean quotes;

    private Inline(String line, Session session, MarkdownEscaper.Place place) {
        this.line = line;
        this.session = session;
        this.place = place;
    }

    /** Each line of {@code text} converted on its own, as MediaWiki reads apostrophes per line. */
    static String convert(String text, Session session, MarkdownEscaper.Place place) {
        if (text.indexOf('\n') < 0) {
            return new Inline(text, session, place).run();
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            out.append(new Inline(text.substring(from, end), session, place).run());
            if (end < text.length()) {
                out.append('\n');
            }
            from = end + 1;
        }
        return out.toString();
    }

    private String run() {
        read();
        return new Emphasis(place, session.issues()).write(pieces, runs());
    }

    private void read() {
        int[] linkEnds = Links.pairs(line);
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            Found found;
            try {
                found = construct(c, i, linkEnds);
            } catch (RuntimeException e) {
                // One construct that cannot be read stays text; the rest of the line goes on.
                session.issues().add("markup that could not be read", "kept as text");
                found = null;
            }
            if (found == QUOTES) {
                int end = i;
                while (end < length && line.charAt(end) == '\'') {
                    end++;
                }
                flush();
                quotes = true;
                pieces.add(new InlinePiece(InlinePiece.Kind.QUOTES, line.substring(i, end)));
                i = end;
                continue;
            }
            if (found == null) {
                int next = plainRun(i + 1);
                text.append(line, i, next);
                i = next;
                continue;
            }
            if (found.plain()) {
                text.append(found.markdown());
            } else {
                flush();
                pieces.add(new InlinePiece(InlinePiece.Kind.MARKDOWN, found.markdown()));
            }
            i = Math.max(found.end(), i + 1);
        }
        flush();
    }

    private static final Quotes.Run[] NO_RUNS = {};

    /** Stands for a run of apostrophes, which is read with the whole line. */
    private static final Found QUOTES = Found.markdown("", 0);

    /** The construct starting with {@code c} at {@code i}, {@link #QUOTES}, or null for text. */
    private Found construct(char c, int i, int[] linkEnds) {
        int length = line.length();
        if (c == Stash.START) {
            int end = line.indexOf(Stash.END, i);
            return Found.markdown(line.substring(i, end < 0 ? length : end + 1), end < 0 ? length : end + 1);
        }
        if (c == '[') {
            return linkEnds != null && linkEnds[i] > 0 ? Links.internal(line, i, linkEnds[i], session, place)
                    : ExternalLinks.bracketed(line, i, session, place);
        }
        if (c == '\'' && i + 1 < length && line.charAt(i + 1) == '\'') {
            return QUOTES;
        }
        if (c == '<') {
            return HtmlTags.at(line, i, session);
        }
        if (c == '_' && i + 1 < length && line.charAt(i + 1) == '_') {
            return PageSwitches.at(line, i, session);
        }
        if ((c == 'h' || c == 'f' || c == 'm' || c == 'n' || c == 'H') && (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)))) {
            return ExternalLinks.bare(line, i, place);
        }
        return null;
    }

    /** Where the plain text from {@code i} ends: at the next character that may start a construct. */
    private int plainRun(int i) {
        int k = i;
        while (k < line.length()) {
            char c = line.charAt(k);
            if (c == Stash.START || c == '[' || c == '\'' || c == '<' || c == '_'
                    || (c == 'h' || c == 'f' || c == 'm' || c == 'n' || c == 'H') && !Character.isLetterOrDigit(line.charAt(k - 1))) {
                return k;
            }
            k++;
        }
        return k;
    }

    private void flush() {
        if (!text.isEmpty()) {
            pieces.add(new InlinePiece(InlinePiece.Kind.TEXT, text.toString()));
            text.setLength(0);
        }
    }

    /** The apostrophe runs of the line read together, with the two characters before each. */
    private Quotes.Run[] runs() {
        if (!quotes) {
            return NO_RUNS;
        }
        List<Integer> lengths = new ArrayList<>();
        List<char[]> before = new ArrayList<>();
        char[] last = {'\0', '\0'};
        for (InlinePiece piece : pieces) {
            switch (piece.kind()) {
                case QUOTES -> {
                    lengths.add(piece.text().length());
                    before.add(last.clone());
                    last = new char[] {'\'', '\''};
                }
                case TEXT -> {
                    String t = piece.text();
                    last = new char[] {t.length() > 1 ? t.charAt(t.length() - 2) : last[1], t.charAt(t.length() - 1)};
                }
                case MARKDOWN -> last = new char[] {'x', 'x'};
            }
        }
        int[] array = new int[lengths.size()];
        for (int k = 0; k < array.length; k++) {
            array[k] = lengths.get(k);
        }
        return Quotes.read(array, before.toArray(new char[0][]));
    }
}
