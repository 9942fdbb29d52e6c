package org.clinwiki.diff;

import java.util.List;

/** A run of changed rows with a few unchanged lines of context around them. */
public record DiffHunk(int oldStart, int newStart, List<DiffRow> rows) {

    public DiffHunk {
        rows = List.copyOf(rows);
    }
}
