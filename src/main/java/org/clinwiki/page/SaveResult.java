package org.clinwiki.page;

import java.util.OptionalLong;

/**
 * The outcome of a save. {@code revision} is the new revision, or the unchanged latest one
 * when the text was identical. {@code changeSequence} is the page-change number the save took
 * (those following the change log, such as the search index, hold the save once they reach
 * it); empty when nothing was written, and for imports, which do not read it.
 */
public record SaveResult(Outcome outcome, Page page, Revision revision, OptionalLong changeSequence) {

    SaveResult(Outcome outcome, Page page, Revision revision) {
        this(outcome, page, revision, OptionalLong.empty());
    }

    public enum Outcome {
        CREATED,
        SAVED,
        /** Saved after merging with edits made since the base revision. */
        MERGED,
        /** The text equals the latest revision; nothing was written. */
        UNCHANGED
    }

    public boolean changed() {
        return outcome != Outcome.UNCHANGED;
    }
}
