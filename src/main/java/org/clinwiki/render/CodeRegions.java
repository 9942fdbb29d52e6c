package org.clinwiki.render;

import java.util.Arrays;

/**
 * Which parts of a Markdown text are code, so that wiki markup read before Markdown (templates,
 * signatures, comments) leaves them as typed: fenced code blocks (fence lines included) and
 * inline code spans. A line of only three to five tildes is not a fence: on a talk page that is
 * a signature. Indented code blocks are not recognised: an indented line is as often the
 * continuation of a list item, and telling them apart needs the whole Markdown parse.
 * One pass; lookups by binary search.
 */
final class CodeRegions {

    private final int[] starts;
    private final int[] ends;

    private CodeRegions(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static CodeRegions of(String text) {
        Builder regions = new Builder();
        int length = text.length();
        int lineStart = 0;
        int paragraphStart = 0;
        while (lineStart < length) {
            int lineEnd = lineEnd(text, lineStart);
            int first = indentEnd(text, lineStart, lineEnd);
            char c = first < lineEnd ? text.charAt(first) : 0;
            int run = c == '`' || c == '~' ? run(text, first, lineEnd, c) : 0;
            if (first - lineStart <= 3 && run >= 3 && !(c == '~' && run <= 5 && blank(text, first + run, lineEnd))
                    && !(c == '`' && text.indexOf('`', first + run) >= 0 && text.indexOf('`', first + run) < lineEnd)) {
                int close = closingFence(text, lineEnd + 1, c, run);
                regions.add(lineStart, close);
                lineStart = close;
                paragraphStart = close;
                continue;
            }
            if (first == lineEnd) {
                spans(text, paragraphStart, lineStart, regions);
                paragraphStart = lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        spans(text, paragraphStart, length, regions);
        return regions.build();
    }

    /** Whether the character at {@code index} is code. */
    boolean contains(int index) {
        int at = find(index);
        return at >= 0;
    }

    /** If {@link #contains}, the index just after the code around {@code index}; else {@code index}. */
    int end(int index) {
        int at = find(index);
        return at >= 0 ? ends[at] : index;
    }

    private int find(int index) {
        int at = Arrays.binarySearch(starts, index);
        int candidate = at >= 0 ? at : -at - 2;
        return candidate >= 0 && index < ends[candidate] ? candidate : -1;
    }

    /** Code spans of one paragraph: a run of backticks up to the next run of exactly as many. */
    private static void spans(String text, int from, int to, Builder regions) {
        int i = text.indexOf('`', from);
        // Where each run length was last found missing: a later opener of that length has no closer either.
        java.util.Map<Integer, Integer> noCloserAfter = new java.util.HashMap<>();
        while (i >= 0 && i < to) {
            int run = run(text, i, to, '`');
            int close = noCloserAfter.getOrDefault(run, -1) >= 0 ? -1 : closingRun(text, i + run, to, run);
            if (close < 0) {
                noCloserAfter.put(run, i);
                i = text.indexOf('`', i + run);
                continue;
            }
            regions.add(i, close + run);
            i = text.indexOf('`', close + run);
        }
    }

    private static int closingRun(String text, int from, int to, int length) {
        int i = text.indexOf('`', from);
        while (i >= 0 && i < to) {
            int run = run(text, i, to, '`');
            if (run == length) {
                return i;
            }
            i = text.indexOf('`', i + run);
        }
        return -1;
    }

    /** The index after the closing fence line, or the text's end for a fence never closed. */
    private static int closingFence(String text, int from, char c, int length) {
        int lineStart = from;
        while (lineStart < text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            int first = indentEnd(text, lineStart, lineEnd);
            int run = run(text, first, lineEnd, c);
            if (first - lineStart <= 3 && run >= length && blank(text, first + run, lineEnd)) {
                return Math.min(text.length(), lineEnd + 1);
            }
            lineStart = lineEnd + 1;
        }
        return text.length();
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int indentEnd(String text, int from, int to) {
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int run(String text, int from, int to, char c) {
        int i = from;
        while (i < to && text.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private static boolean blank(String text, int from, int to) {
        return indentEnd(text, from, to) == to;
    }

    private static final class Builder {
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private int size;

        void add(int start, int end) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        CodeRegions build() {
            return new CodeRegions(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
        }
    }
}
