package org.clinwiki.web.view;

import java.util.List;
import org.clinwiki.diff.DiffHunk;

/**
 * Diff hunks ready to show side by side or inline, with line counts; {@code truncated} and
 * {@code simplified} say the table shows only the first rows, or compares some parts coarsely.
 */
public record DiffTable(List<DiffHunk> hunks, int linesAdded, int linesRemoved, boolean inline, boolean truncated,
                        boolean simplified) {
}
