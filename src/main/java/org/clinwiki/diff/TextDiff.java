package org.clinwiki.diff;

import java.util.List;

/**
 * The differences between two texts: hunks of rows, and how many lines were added and removed.
 *
 * <p>{@code truncated}: rows were left out, at the end, to keep the diff to
 * {@value LineDiff#MAX_ROWS} rows; the line counts still cover the whole diff. {@code simplified}:
 * comparing finely would have cost too much somewhere, so some lines were replaced as a block
 * rather than matched one by one, or some changed lines were marked whole rather than word by
 * word. The diff is still correct, only coarser; two texts that merely differ a lot are not
 * simplified.
 */
public record TextDiff(List<DiffHunk> hunks, int linesAdded, int linesRemoved, boolean truncated, boolean simplified) {

    public TextDiff {
        hunks = List.copyOf(hunks);
    }

    public boolean isEmpty() {
        return hunks.isEmpty();
    }
}
