package org.clinwiki.render;

import static org.clinwiki.render.MarkdownLines.firstNonSpace;
import static org.clinwiki.render.MarkdownLines.isAtxHeading;
import static org.clinwiki.render.MarkdownLines.isBlank;
import static org.clinwiki.render.MarkdownLines.isUnderline;
import static org.clinwiki.render.MarkdownLines.lineEnd;
import static org.clinwiki.render.MarkdownLines.run;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The character ranges of a Markdown text that are code, so that wiki preprocessing (templates,
 * signatures, comments) leaves them as written.
 *
 * <p>Code is a fenced block (its fence lines included; an unclosed fence runs to the end of the
 * text) or an inline code span (a run of n backticks up to the next run of exactly n backticks in
 * the same paragraph; an unmatched run is literal). A line of only 3, 4 or 5 tildes never opens a
 * fence: on a talk page that is a signature. It still closes a tilde fence that is open, as it
 * would in CommonMark, because {@code ~~~ python ... ~~~} is the usual way to write one.
 *
 * <p>Indented (four-space) code blocks are not code here: without parsing lists we cannot tell
 * them from a list item's continuation, and treating a continuation as code would silently stop
 * templates and signatures in it from expanding. Backslash escapes are not honoured either.
 *
 * <p>One pass over the text; backtick runs are matched through a per-paragraph index of the next
 * run of the same length, so hostile input (thousands of unmatched runs) stays linear.
 */
final class CodeRegions {

    private final int[] starts;
    private final int[] ends;
    private final boolean[] fences;
    private final int size;

    private CodeRegions(int[] starts, int[] ends, boolean[] fences, int size) {
        this.starts = starts;
        this.ends = ends;
        this.fences = fences;
        this.size = size;
    }

    static CodeRegions of(String text) {
        Builder regions = new Builder();
        int n = text.length();
        int paragraph = -1;
        int pos = 0;
        while (pos < n) {
            int eol = lineEnd(text, pos);
            int fenceLength = fenceOpener(text, pos, eol);
            if (fenceLength > 0) {
                regions.spans(text, paragraph, pos);
                paragraph = -1;
                int end = closeFence(text, eol, text.charAt(firstNonSpace(text, pos, eol)), fenceLength);
                regions.add(pos, end, true);
                pos = end < n ? end + 1 : n;
                continue;
            }
            // Headings and underlines end a paragraph in CommonMark, so no span crosses them there
            // either; otherwise one stray backtick would hide the templates of the next section.
            if (isBlank(text, pos, eol) || isAtxHeading(text, pos, eol) || isUnderline(text, pos, eol)) {
                regions.spans(text, paragraph, pos);
                regions.spans(text, pos, eol);
                paragraph = -1;
            } else if (paragraph < 0) {
                paragraph = pos;
            }
            pos = eol < n ? eol + 1 : n;
        }
        regions.spans(text, paragraph, n);
        return new CodeRegions(regions.starts, regions.ends, regions.fences, regions.size);
    }

    /** Whether the character at {@code index} is code. */
    boolean contains(int index) {
        return find(index) >= 0;
    }

    /** Whether the character at {@code index} is in a fenced block (fence lines included). */
    boolean fenced(int index) {
        int i = find(index);
        return i >= 0 && fences[i];
    }

    /**
     * The index just after the code region holding {@code index}; {@code index} itself when it is
     * not code, so that a scanner can always continue from the result. A fenced region ends at the
     * end of its closing line, before the line feed.
     */
    int end(int index) {
        int i = find(index);
        return i >= 0 ? ends[i] : index;
    }

    /** Where the first code region at or after {@code index} starts; {@link Integer#MAX_VALUE} if none does. */
    int nextStart(int index) {
        int i = Arrays.binarySearch(starts, 0, size, index);
        i = i >= 0 ? i : -i - 1;
        return i < size ? starts[i] : Integer.MAX_VALUE;
    }

    private int find(int index) {
        int i = Arrays.binarySearch(starts, 0, size, index);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && index < ends[i] ? i : -1;
    }

    /** The opening fence's length, or 0 if the line does not open a fence. */
    private static int fenceOpener(String text, int pos, int eol) {
        int i = firstNonSpace(text, pos, eol);
        if (i - pos > 3 || i == eol || (text.charAt(i) != '`' && text.charAt(i) != '~')) {
            return 0;
        }
        char c = text.charAt(i);
        int length = run(text, i, eol, c);
        boolean onlyFence = isBlank(text, i + length, eol);
        if (length < 3 || (c == '~' && onlyFence && length <= 5)) {
            return 0;
        }
        // A backtick in the info string means the line is an inline span, not a fence.
        for (int j = i + length; c == '`' && j < eol; j++) {
            if (text.charAt(j) == '`') {
                return 0;
            }
        }
        return length;
    }

    /** The end of the closing fence line (before its line feed), or the end of the text. */
    private static int closeFence(String text, int from, char c, int length) {
        int pos = from + 1;
        while (pos < text.length()) {
            int eol = lineEnd(text, pos);
            int i = firstNonSpace(text, pos, eol);
            int run = run(text, i, eol, c);
            if (i - pos <= 3 && run >= length && isBlank(text, i + run, eol)) {
                return eol;
            }
            pos = eol + 1;
        }
        return text.length();
    }

    private static final class Builder {
        int[] starts = new int[8];
        int[] ends = new int[8];
        boolean[] fences = new boolean[8];
        int size;

        void add(int start, int end, boolean fence) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                fences = Arrays.copyOf(fences, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            fences[size++] = fence;
        }

        /** Code spans of the paragraph {@code [from, to)}; nothing if {@code from < 0}. */
        void spans(String text, int from, int to) {
            if (from < 0) {
                return;
            }
            // Bounded by hand: indexOf would run on to the next backtick anywhere in the text,
            // once per line of a page without any, which is quadratic.
            int first = from;
            while (first < to && text.charAt(first) != '`') {
                first++;
            }
            if (first == to) {
                return;
            }
            int[] runStart = new int[8];
            int[] runLength = new int[8];
            int runs = 0;
            for (int i = first; i < to; ) {
                if (text.charAt(i) != '`') {
                    i++;
                    continue;
                }
                int length = run(text, i, to, '`');
                if (runs == runStart.length) {
                    runStart = Arrays.copyOf(runStart, runs * 2);
                    runLength = Arrays.copyOf(runLength, runs * 2);
                }
                runStart[runs] = i;
                runLength[runs++] = length;
                i += length;
            }
            // next[r]: the following run of the same length, found backwards in one pass.
            int[] next = new int[runs];
            Map<Integer, Integer> seen = new HashMap<>();
            for (int r = runs - 1; r >= 0; r--) {
                next[r] = seen.getOrDefault(runLength[r], -1);
                seen.put(runLength[r], r);
            }
            for (int r = 0; r < runs; r++) {
                if (next[r] >= 0) {
                    add(runStart[r], runStart[next[r]] + runLength[next[r]], false);
                    r = next[r];
                }
            }
        }
    }
}
