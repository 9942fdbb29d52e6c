package org.clinwiki.diff;

import java.util.List;

/**
 * Line diff of two texts with word-level changes inside changed lines, grouped into hunks
 * with {@value #CONTEXT} lines of context. Pure and thread-safe.
 *
 * <p>Bounded for any input: the comparison, lines and words together, does work at most
 * linear in the size of the texts (a {@code DiffBudget}), parts it can't afford are compared more
 * coarsely ({@link TextDiff#simplified()}), and at most {@value #MAX_ROWS} rows are shown
 * ({@link TextDiff#truncated()}).
 */
public final class LineDiff {

    /** The most rows a diff shows: beyond a few thousand a diff is unreadable, and its page too heavy. */
    public static final int MAX_ROWS = 5_000;
    static final int CONTEXT = 3;

    private LineDiff() {
    }

    public static TextDiff compare(String oldText, String newText) {
        return compare(oldText, newText, DiffBudget.forTexts(oldText, newText));
    }

    /** The diff, spending at most {@code budget} on it. */
    static TextDiff compare(String oldText, String newText, DiffBudget budget) {
        if (oldText.equals(newText)) {
            return new TextDiff(List.of(), 0, 0, false, false);
        }
        Spans oldLines = Spans.lines(oldText);
        Spans newLines = Spans.lines(newText);
        SymbolTable.Encoding lines = SymbolTable.encode(oldLines, newLines);
        EditScript script = BoundedDiff.diff(lines.symbols()[0], lines.symbols()[1], lines.size(), budget);
        return new HunkLayout(oldLines, newLines, budget).layOut(script);
    }
}
