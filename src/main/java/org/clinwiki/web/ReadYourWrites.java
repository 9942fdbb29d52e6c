package org.clinwiki.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.search.SearchService;

/**
 * Read-your-writes across nodes, without sticky sessions (MediaWiki's ChronologyProtector, as a
 * token the client carries). Every page write answers with the page-change number it committed
 * ({@code changeSeq} in JSON, the {@value #HEADER} header on every answer, redirects included). A
 * later request to any node that passes it as {@code ?after=N} sees that write: page reads do
 * anyway (every node reads the primary database), and a search first waits, briefly, for this
 * node's index to reach it.
 */
final class ReadYourWrites {

    static final String HEADER = "Clinwiki-Change";
    static final String PARAMETER = "after";
    /** How long a search waits for its index to catch up: a few times the usual lag across nodes, short enough for a person. */
    static final Duration SEARCH_WAIT = Duration.ofSeconds(2);

    private ReadYourWrites() {
    }

    /** Tells the client the change number its write committed. */
    static void committed(Context ctx, long changeSequence) {
        ctx.header(HEADER, Long.toString(changeSequence));
    }

    /**
     * Tells the client the change number a save or upload committed, and returns it. One that
     * found nothing to change (the same text or bytes again) committed nothing, but what the page
     * holds was committed at or before the {@code latest} change, perhaps a moment ago through
     * another node (a retried save): that number covers it.
     */
    static long committed(Context ctx, OptionalLong change, LongSupplier latest) {
        long changeSequence = change.isPresent() ? change.getAsLong() : latest.getAsLong();
        committed(ctx, changeSequence);
        return changeSequence;
    }

    /**
     * {@code ?after=N}: the change number the client has seen written, if it says; 400 {@code invalid_after}
     * for anything but a non-negative whole number.
     */
    static OptionalLong after(Context ctx) {
        String raw = ctx.queryParam(PARAMETER);
        if (raw == null || raw.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // Answered below, as any other value that is not a change number.
        }
        throw new InvalidInputException("invalid_after",
                "after must be a change number (a whole number of 0 or more, as a write's changeSeq or " + HEADER + " gave it).");
    }

    /**
     * For a search: waits up to {@link #SEARCH_WAIT} until this node's index shows the change the
     * request names in {@code ?after=}; returns whether it does (true when none is named). The
     * search runs either way: a slightly stale answer, said to be one, beats none.
     */
    static boolean awaitSearchable(Context ctx, SearchService search) throws InterruptedException {
        OptionalLong after = after(ctx);
        return after.isEmpty() || search.awaitChange(after.getAsLong(), SEARCH_WAIT);
    }
}
