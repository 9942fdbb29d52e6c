package org.clinwiki.db;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link DatabaseCopy} copied and checked.
 *
 * @param tables             rows copied per table, in the order copied
 * @param bytes              bytes of values copied (text counted in characters)
 * @param revisionsVerified  revisions whose SHA-1 was recomputed from the copied text
 * @param filesVerified      stored files whose SHA-256 was recomputed from the copied bytes
 * @param pageChanges        the page-change counter carried across
 * @param nulsRemoved        U+0000 characters left out of text, which PostgreSQL cannot store
 */
public record CopySummary(Map<String, Long> tables, long bytes, long revisionsVerified, long filesVerified, long pageChanges,
                          long nulsRemoved, Duration elapsed) {

    public CopySummary {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public long rows() {
        return tables.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows() / seconds;
    }
}
