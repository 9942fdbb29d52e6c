package org.clinwiki.page;

/**
 * The outcome of a save. {@code revision} is the new revision, or the unchanged latest one
 * when the text was identical.
 */
public record SaveResult(Outcome outcome, Page page, Revision revision) {

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
