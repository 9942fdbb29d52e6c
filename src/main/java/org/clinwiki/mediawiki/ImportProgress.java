package org.clinwiki.mediawiki;

import java.time.Duration;

/** How far an import has got: pages and revisions read, and compressed bytes of the dump of {@code totalBytes}. */
public record ImportProgress(long pages, long revisions, long bytesRead, long totalBytes, Duration elapsed) {

    /** Revisions per second so far. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : revisions / seconds;
    }

    /** Share of the dump read, 0 to 1. */
    public double done() {
        return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
    }

    /** Time left at the rate so far, when it can be told. */
    public Duration remaining() {
        double done = done();
        if (done <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) (elapsed.toMillis() * (1 - done) / done));
    }
}
