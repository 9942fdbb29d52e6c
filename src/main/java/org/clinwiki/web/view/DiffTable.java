package org.clinwiki.web.view;

import java.util.List;
import org.clinwiki.diff.DiffHunk;

/** Diff hunks ready to show side by side or inline, with line counts. */
public record DiffTable(List<DiffHunk> hunks, int linesAdded, int linesRemoved, boolean inline) {
}
