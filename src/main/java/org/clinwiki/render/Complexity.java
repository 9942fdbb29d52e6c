package org.clinwiki.render;

import java.util.BitSet;

/**
 * A cheap look at page text before flexmark parses it, refusing the shapes it handles in
 * super-linear time or with a recursion per level (a {@code StackOverflowError}), with limits
 * far above what articles need. One pass over the text, no allocation per line.
 *
 * <ul>
 *   <li>Nesting of block quotes and lists, counted from each line's leading {@code >} and list
 *       markers, with the indentation before a marker as one level per two spaces.</li>
 *   <li>Nesting of brackets within a paragraph (links, images, wiki links).</li>
 *   <li>Runs of emphasis characters ({@code * _ ~}) and how many lengths of backtick runs a page
 *       uses (each unmatched code-span opener is looked for to the end of its paragraph).</li>
 *   <li>How many footnote references, headings and pieces of inline markup a page has.</li>
 * </ul>
 * Fenced code blocks are skipped: their content is shown as typed and costs nothing to parse.
 */
final class Complexity {

    static final int MAX_NESTING = 50;
    static final int MAX_BRACKET_NESTING = 50;
    static final int MAX_DELIMITER_RUN = 200;
    static final int MAX_BACKTICK_LENGTHS = 32;
    static final int MAX_FOOTNOTES = 5_000;
    static final int MAX_HEADINGS = 5_000;
    /**
     * Emphasis runs, brackets and code spans in all: each becomes an element in flexmark's tree
     * and jsoup's, and 400,000 of them took more than a 160 MB heap.
     */
    static final int MAX_INLINE_MARKUP = 100_000;

    private Complexity() {
    }

    /** Refuses text beyond the limits with {@link TooComplexException}. */
    static void check(String text) {
        int footnotes = 0;
        int headings = 0;
        int markup = 0;
        int brackets = 0;
        BitSet backtickLengths = new BitSet();
        char fence = 0;
        int fenceLength = 0;
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int first = skipSpaces(text, lineStart, lineEnd);
            if (fence != 0) {
                if (run(text, first, lineEnd, fence) >= fenceLength) {
                    fence = 0;
                }
                lineStart = lineEnd + 1;
                continue;
            }
            if (first == lineEnd) {
                brackets = 0;
            }
            int nesting = nesting(text, lineStart, lineEnd);
            if (nesting > MAX_NESTING) {
                throw new TooComplexException("Lists or quotes are nested more than " + MAX_NESTING + " levels deep.");
            }
            char opening = first < lineEnd ? text.charAt(first) : 0;
            if ((opening == '`' || opening == '~') && run(text, first, lineEnd, opening) >= 3) {
                fence = opening;
                fenceLength = run(text, first, lineEnd, opening);
                lineStart = lineEnd + 1;
                continue;
            }
            if (opening == '#' && ++headings > MAX_HEADINGS) {
                throw new TooComplexException("A page can have at most " + MAX_HEADINGS + " headings.");
            }
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '[' -> {
                        markup = countMarkup(markup);
                        if (++brackets > MAX_BRACKET_NESTING) {
                            throw new TooComplexException("Brackets are nested more than " + MAX_BRACKET_NESTING + " deep.");
                        }
                        if (i + 1 < lineEnd && text.charAt(i + 1) == '^' && ++footnotes > 2 * MAX_FOOTNOTES) {
                            throw new TooComplexException("A page can have at most " + MAX_FOOTNOTES + " footnotes.");
                        }
                    }
                    case ']' -> brackets = Math.max(0, brackets - 1);
                    case '*', '_', '~' -> {
                        markup = countMarkup(markup);
                        int run = run(text, i, lineEnd, c);
                        if (run > MAX_DELIMITER_RUN) {
                            throw new TooComplexException("A run of more than " + MAX_DELIMITER_RUN + " \"" + c
                                    + "\" characters is too long to read as emphasis; put it in a code block.");
                        }
                        i += run - 1;
                    }
                    case '`' -> {
                        markup = countMarkup(markup);
                        int run = run(text, i, lineEnd, c);
                        backtickLengths.set(Math.min(run, 1 << 20));
                        if (backtickLengths.cardinality() > MAX_BACKTICK_LENGTHS) {
                            throw new TooComplexException("Code spans use more than " + MAX_BACKTICK_LENGTHS
                                    + " different lengths of backtick runs.");
                        }
                        i += run - 1;
                    }
                    default -> {
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private static int countMarkup(int markup) {
        if (markup >= MAX_INLINE_MARKUP) {
            throw new TooComplexException("A page can have at most " + MAX_INLINE_MARKUP
                    + " pieces of inline markup (emphasis, links, code); split it into several pages.");
        }
        return markup + 1;
    }

    /**
     * How deep a line's leading block quotes and list markers nest it: each {@code >} and each
     * list marker is a level, and the indentation before a list marker a level per two spaces.
     */
    private static int nesting(String text, int start, int end) {
        int depth = 0;
        int i = start;
        while (i < end) {
            int indent = 0;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                indent += text.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            if (i < end && text.charAt(i) == '>') {
                depth++;
                i++;
                continue;
            }
            int marker = listMarkerEnd(text, i, end);
            if (marker < 0) {
                break;
            }
            depth += 1 + indent / 2;
            i = marker;
        }
        return depth;
    }

    /** The index after a list marker at {@code i} ({@code - + *}, or up to nine digits and {@code . )}), or -1. */
    private static int listMarkerEnd(String text, int i, int end) {
        if (i >= end) {
            return -1;
        }
        char c = text.charAt(i);
        int after;
        if (c == '-' || c == '+' || c == '*') {
            after = i + 1;
        } else {
            int digits = i;
            while (digits < end && digits - i < 9 && Character.isDigit(text.charAt(digits))) {
                digits++;
            }
            if (digits == i || digits >= end || (text.charAt(digits) != '.' && text.charAt(digits) != ')')) {
                return -1;
            }
            after = digits + 1;
        }
        return after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t' ? after : -1;
    }

    private static int skipSpaces(String text, int i, int end) {
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int run(String text, int i, int end, char c) {
        int j = i;
        while (j < end && text.charAt(j) == c) {
            j++;
        }
        return j - i;
    }
}
