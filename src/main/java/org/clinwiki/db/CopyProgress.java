package org.clinwiki.db;

import java.time.Duration;

/**
 * How far a {@link DatabaseCopy} has got: the table at hand ({@code tableDone} of its
 * {@code tableTotal} rows copied, or revisions verified), all rows copied so far of {@code total},
 * and the bytes of values sent.
 */
public record CopyProgress(Step step, String table, long tableDone, long tableTotal, long done, long total, long bytes,
                           Duration elapsed) {

    public enum Step { COPYING, VERIFYING }

    /** Whether the table at hand is complete. */
    public boolean tableComplete() {
        return tableDone >= tableTotal;
    }

    /** Rows copied per second so far. */
    public double rowsPerSecond() {
        return perSecond(done);
    }

    /** Bytes of values copied per second so far. */
    public double bytesPerSecond() {
        return perSecond(bytes);
    }

    private double perSecond(long count) {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }
}
