package org.clinwiki.diff;

import java.util.Optional;

/**
 * One row of a side-by-side diff. A {@code CHANGE} row pairs an old line with the new line
 * that replaced it, with word-level changes marked on both sides.
 */
public record DiffRow(Kind kind, Optional<DiffSide> oldSide, Optional<DiffSide> newSide) {

    public enum Kind { CONTEXT, CHANGE, DELETE, INSERT }
}
