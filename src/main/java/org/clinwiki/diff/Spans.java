package org.clinwiki.diff;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into consecutive spans: its lines, or the word tokens of one line. Spans are kept as
 * offsets into the text, not as strings, so a 2 MiB page costs one int array instead of a quarter
 * of a million small strings.
 */
final class Spans {

    // Words, runs of white space, or single other characters: the units a word diff marks.
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.", Pattern.DOTALL);

    private final String text;
    // Span i is text[starts[i], starts[i + 1] - gap); the last entry is one gap past the end of the text.
    private final int[] starts;
    // Characters between one span and the next: the '\n' between lines, nothing between tokens.
    private final int gap;

    private Spans(String text, int[] starts, int gap) {
        this.text = text;
        this.starts = starts;
        this.gap = gap;
    }

    /** The lines of a text, split at '\n'. An empty text has no lines; "a\n" has two, the second empty. */
    static Spans lines(String text) {
        if (text.isEmpty()) {
            return new Spans(text, new int[] {0}, 1);
        }
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        int[] starts = new int[count + 1];
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[line++] = i + 1;
        }
        starts[count] = text.length() + 1;
        return new Spans(text, starts, 1);
    }

    /** The word tokens of a line: every character belongs to exactly one token. */
    static Spans tokens(String line) {
        int[] starts = new int[Math.min(line.length(), 256) + 1];
        int count = 0;
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            if (count + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[++count] = matcher.end();
        }
        return new Spans(line, Arrays.copyOf(starts, count + 1), 0);
    }

    int count() {
        return starts.length - 1;
    }

    int start(int span) {
        return starts[span];
    }

    int end(int span) {
        return starts[span + 1] - gap;
    }

    String text(int span) {
        return text.substring(start(span), end(span));
    }

    /** The text of spans [from, to), with what lies between them. */
    String text(int from, int to) {
        return from == to ? "" : text.substring(start(from), end(to - 1));
    }

    void appendTo(StringBuilder out, int span) {
        out.append(text, start(span), end(span));
    }

    int length(int span) {
        return end(span) - start(span);
    }

    /**
     * A hash of the span's text that mixes {@code seed} in at every character: without knowing
     * the seed, no one can choose texts that collide.
     */
    long hash(int span, long seed) {
        long hash = seed;
        for (int i = start(span), end = end(span); i < end; i++) {
            hash = (hash ^ text.charAt(i)) * 0x9E3779B97F4A7C15L;
            hash ^= hash >>> 29;
        }
        return hash;
    }

    boolean sameText(int span, Spans other, int otherSpan) {
        int length = length(span);
        return length == other.length(otherSpan) && text.regionMatches(start(span), other.text, other.start(otherSpan), length);
    }
}
