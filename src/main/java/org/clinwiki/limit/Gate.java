package org.clinwiki.limit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how much of one kind of slow work (hashing a password, diffing two revisions) runs at
 * once. Work beyond {@code permits} waits its turn, first come first served, for at most
 * {@code maxWait}; when {@code maxWaiting} requests already wait, or the wait runs out, the
 * work is refused with {@link ServerBusyException} (503 with Retry-After). So a burst of such
 * requests costs bounded memory and CPU, and never holds every request thread. Thread-safe.
 */
public final class Gate {

    private final String work;
    private final Semaphore permits;
    private final int maxWaiting;
    private final Duration maxWait;

    /** {@code work} names the work in the refusal ("Checking passwords"). */
    public Gate(String work, int permits, int maxWaiting, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("A gate needs at least one permit");
        }
        this.work = work;
        this.permits = new Semaphore(permits, true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /** Runs {@code task} once a permit is free, or refuses with 503 {@code busy}. */
    public <T> T call(Supplier<T> task) {
        if (!permits.tryAcquire()) {
            acquireWaiting();
        }
        try {
            return task.get();
        } finally {
            permits.release();
        }
    }

    private void acquireWaiting() {
        if (permits.getQueueLength() >= maxWaiting) {
            throw busy();
        }
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    /** How many permits are free now (for tests and figures). */
    public int available() {
        return permits.availablePermits();
    }

    /** How many wait for a permit now (an estimate, as the JDK's semaphore gives it). */
    int waiting() {
        return permits.getQueueLength();
    }

    private ServerBusyException busy() {
        return new ServerBusyException(work + " is busy for everyone right now; nothing was changed. Try again in a moment.", 1);
    }
}
