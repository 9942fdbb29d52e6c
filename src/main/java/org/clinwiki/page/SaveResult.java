package org.clinwiki.page;

import org.clinwiki.render.RenderedPage;

/**
 * The outcome of a save. {@code revision} is the new revision, or the unchanged latest one
 * when the text was identical.
 */
public record SaveResult(Outcome outcome, Page page, Revision revision, RenderedPage rendered) {

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
