package org.clinwiki.cluster;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Whether this node is fit to serve, for a load balancer's health check: the database answers
 * (one cheap query, the latest page-change number), and how far this node's search index is
 * behind it. Checked every second or so by every balancer, so it does no more than that.
 *
 * <p>The answer comes within {@link #DEADLINE} whatever the database does: a query to a
 * database that stopped answering can hang until the socket times out, much longer than a
 * balancer waits. Checks that arrive while one is still running share its query instead of
 * starting their own, so a hung database holds one thread here, not one per check. Thread-safe.
 */
public final class Health {

    /** Longest a check waits for the database: the connection pool's own timeout for a connection. */
    public static final Duration DEADLINE = Duration.ofSeconds(5);

    private final LongSupplier latestChange;
    private final LongSupplier appliedChange;
    private final String version;
    private final Duration deadline;
    private CompletableFuture<Long> running;

    /**
     * @param latestChange  the database's latest page-change number (throws when the database fails)
     * @param appliedChange the last change this node's search index shows
     * @param version       this build, for telling nodes apart during a rolling upgrade
     */
    public Health(LongSupplier latestChange, LongSupplier appliedChange, String version, Duration deadline) {
        this.latestChange = latestChange;
        this.appliedChange = appliedChange;
        this.version = version;
        this.deadline = deadline;
    }

    /**
     * What a check finds. {@code latestChange} is empty when the database did not answer.
     * {@code indexLag} is how many changes this node's search does not show yet.
     */
    public record Report(boolean databaseUp, long appliedChange, OptionalLong latestChange, String version) {

        public OptionalLong indexLag() {
            return latestChange.isPresent() ? OptionalLong.of(Math.max(0, latestChange.getAsLong() - appliedChange))
                    : OptionalLong.empty();
        }
    }

    public Report check() throws InterruptedException {
        long applied = appliedChange.getAsLong();
        try {
            long latest = query().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Report(true, applied, OptionalLong.of(latest), version);
        } catch (ExecutionException | TimeoutException e) {
            return new Report(false, applied, OptionalLong.empty(), version);
        }
    }

    /** The query running now, or a new one. */
    private synchronized CompletableFuture<Long> query() {
        if (running == null || running.isDone()) {
            CompletableFuture<Long> query = new CompletableFuture<>();
            Thread.ofVirtual().name("health-check").start(() -> {
                try {
                    query.complete(latestChange.getAsLong());
                } catch (Throwable e) {
                    // Whatever went wrong, the query is over: the next check must start another.
                    query.completeExceptionally(e);
                }
            });
            running = query;
        }
        return running;
    }

    /** The version in the jar's manifest ({@code Implementation-Version}), or {@code dev} when run from classes. */
    public static String buildVersion() {
        String version = Health.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
