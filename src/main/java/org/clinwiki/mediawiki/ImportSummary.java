package org.clinwiki.mediawiki;

import java.time.Duration;

/**
 * What an import did. Pages: made, given new revisions, left as they were (every revision known),
 * edited here since the last import (their text kept), deleted here (nothing added), or not
 * imported at all (an invalid title). Files: versions uploaded, and those refused or missing.
 */
public record ImportSummary(String source, long pagesCreated, long pagesUpdated, long pagesUnchanged, long pagesConflicting,
                            long pagesSkipped, long revisionsAdded, long revisionsSkipped, long filesUploaded, long filesFailed,
                            long reportEntries, Duration elapsed) {

    public long pages() {
        return pagesCreated + pagesUpdated + pagesUnchanged + pagesConflicting + pagesSkipped;
    }

    /** Revisions added per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : revisionsAdded / seconds;
    }
}
