package org.clinwiki.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays a line edit script out as hunks of rows, with {@value LineDiff#CONTEXT} lines of context,
 * up to {@value LineDiff#MAX_ROWS} rows. Rows are made only for what is shown, and word diffs only
 * for the changed lines shown: two unrelated 2 MiB pages cost a few thousand rows, not a quarter
 * of a million.
 */
final class HunkLayout {

    private final Spans oldLines;
    private final Spans newLines;
    private final DiffBudget budget;
    private final List<DiffHunk> hunks = new ArrayList<>();
    private final List<DiffRow> rows = new ArrayList<>();  // of the hunk being laid out
    private int shown;
    private boolean full;
    private boolean wordsSimplified;

    HunkLayout(Spans oldLines, Spans newLines, DiffBudget budget) {
        this.oldLines = oldLines;
        this.newLines = newLines;
        this.budget = budget;
    }

    TextDiff layOut(EditScript script) {
        List<Edit> edits = script.edits();
        int added = 0;
        int removed = 0;
        for (Edit edit : edits) {
            added += edit.newLength();
            removed += edit.oldLength();
        }
        int first = 0;
        while (first < edits.size() && !full) {
            // One hunk runs over later edits while the unchanged gap between them is small enough to show.
            int last = first;
            while (last + 1 < edits.size() && edits.get(last + 1).oldStart() - edits.get(last).oldEnd() <= 2 * LineDiff.CONTEXT) {
                last++;
            }
            hunk(edits.subList(first, last + 1));
            first = last + 1;
        }
        return new TextDiff(hunks, added, removed, full, script.simplified() || wordsSimplified);
    }

    private void hunk(List<Edit> edits) {
        Edit head = edits.getFirst();
        Edit tail = edits.getLast();
        // Hunks are more than 2 * CONTEXT lines apart, so their context never overlaps.
        int before = Math.min(LineDiff.CONTEXT, head.oldStart());
        if (shown + before >= LineDiff.MAX_ROWS) {
            // No room for any of its changes: a hunk of context alone would show nothing.
            full = true;
            return;
        }
        context(head.oldStart() - before, head.newStart() - before, before);
        Edit previous = null;
        for (Edit edit : edits) {
            if (previous != null) {
                context(previous.oldEnd(), previous.newEnd(), edit.oldStart() - previous.oldEnd());
            }
            change(edit);
            previous = edit;
        }
        context(tail.oldEnd(), tail.newEnd(), Math.min(LineDiff.CONTEXT, oldLines.count() - tail.oldEnd()));
        if (!rows.isEmpty()) {
            hunks.add(new DiffHunk(startLine(rows, true), startLine(rows, false), rows));
            rows.clear();
        }
    }

    private void context(int oldStart, int newStart, int count) {
        for (int i = 0; i < count && room(); i++) {
            String line = oldLines.text(oldStart + i);
            add(new DiffRow(DiffRow.Kind.CONTEXT, DiffSide.whole(line, oldStart + i + 1, false),
                    DiffSide.whole(line, newStart + i + 1, false)));
        }
    }

    /** Old lines paired with the new lines replacing them, then what is left of either side. */
    private void change(Edit edit) {
        int paired = Math.min(edit.oldLength(), edit.newLength());
        for (int i = 0; i < paired && room(); i++) {
            int oldLine = edit.oldStart() + i;
            int newLine = edit.newStart() + i;
            WordDiff.MarkedRow marked = WordDiff.change(oldLines.text(oldLine), oldLine + 1, newLines.text(newLine), newLine + 1, budget);
            wordsSimplified |= marked.simplified();
            add(marked.row());
        }
        for (int line = edit.oldStart() + paired; line < edit.oldEnd() && room(); line++) {
            add(new DiffRow(DiffRow.Kind.DELETE, DiffSide.whole(oldLines.text(line), line + 1, true), Optional.empty()));
        }
        for (int line = edit.newStart() + paired; line < edit.newEnd() && room(); line++) {
            add(new DiffRow(DiffRow.Kind.INSERT, Optional.empty(), DiffSide.whole(newLines.text(line), line + 1, true)));
        }
    }

    /** Whether another row may be shown; once not, the diff is truncated and nothing more is laid out. */
    private boolean room() {
        if (shown >= LineDiff.MAX_ROWS) {
            full = true;
        }
        return !full;
    }

    private void add(DiffRow row) {
        rows.add(row);
        shown++;
    }

    /** The first line number on one side of the rows; 0 when no row has that side (lines inserted into nothing). */
    private static int startLine(List<DiffRow> rows, boolean oldSide) {
        for (DiffRow row : rows) {
            Optional<DiffSide> side = oldSide ? row.oldSide() : row.newSide();
            if (side.isPresent()) {
                return side.get().line();
            }
        }
        return 0;
    }
}
