package org.clinwiki.diff;

/**
 * Old symbols [oldStart, oldEnd) replaced by new symbols [newStart, newEnd). Either side may be
 * empty: a pure insertion or deletion.
 */
record Edit(int oldStart, int oldEnd, int newStart, int newEnd) {

    Edit {
        if (oldStart < 0 || oldEnd < oldStart || newStart < 0 || newEnd < newStart) {
            throw new IllegalArgumentException("Not an edit: " + oldStart + ".." + oldEnd + " -> " + newStart + ".." + newEnd);
        }
    }

    int oldLength() {
        return oldEnd - oldStart;
    }

    int newLength() {
        return newEnd - newStart;
    }
}
