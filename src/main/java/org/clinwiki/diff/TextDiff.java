package org.clinwiki.diff;

import java.util.List;

/** The differences between two texts: hunks of rows, and how many lines were added and removed. */
public record TextDiff(List<DiffHunk> hunks, int linesAdded, int linesRemoved) {

    public TextDiff {
        hunks = List.copyOf(hunks);
    }

    public boolean isEmpty() {
        return hunks.isEmpty();
    }
}
