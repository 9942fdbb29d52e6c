package org.clinwiki.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The edits that turn one sequence into another, in order, each separated from the next by a
 * run of equal symbols. {@code simplified}: some region was replaced whole without being compared
 * because comparing it finely would have cost too much; the script is still exact, only coarser.
 */
record EditScript(List<Edit> edits, boolean simplified) {

    EditScript {
        edits = List.copyOf(edits);
    }

    /** Collects edits in order, joining those that touch: a script never has two edits back to back. */
    static final class Builder {
        private final List<Edit> edits = new ArrayList<>();
        private boolean simplified;

        void add(int oldStart, int oldEnd, int newStart, int newEnd) {
            if (oldStart == oldEnd && newStart == newEnd) {
                return;
            }
            if (!edits.isEmpty()) {
                Edit last = edits.getLast();
                if (oldStart < last.oldEnd() || newStart < last.newEnd()) {
                    throw new IllegalStateException("Edits out of order: " + last + " then " + oldStart + ", " + newStart);
                }
                // Equal runs have the same length on both sides, so edits touch on both sides or on neither.
                if (oldStart == last.oldEnd() && newStart == last.newEnd()) {
                    edits.set(edits.size() - 1, new Edit(last.oldStart(), oldEnd, last.newStart(), newEnd));
                    return;
                }
            }
            edits.add(new Edit(oldStart, oldEnd, newStart, newEnd));
        }

        void markSimplified() {
            simplified = true;
        }

        EditScript build() {
            return new EditScript(edits, simplified);
        }
    }
}
