package org.clinwiki.search;

import java.time.Duration;

/**
 * Where the indexer has got, as those who saved see it: the last change search shows, which
 * saves wait for ({@code ?wait=searchable}), and the wake-ups that tell the indexer there is
 * more to do. One monitor for both, so a waiter never misses the change it waits for.
 */
final class SearchProgress {

    private volatile long searched;
    private boolean wakeRequested;

    SearchProgress(long searched) {
        this.searched = searched;
    }

    /** The last change the searcher shows. */
    long searched() {
        return searched;
    }

    /** Change {@code seq} and those before it are searchable now. */
    synchronized void searchable(long seq) {
        searched = seq;
        notifyAll();
    }

    /** Tells the indexer there is work; returns at once. */
    synchronized void wake() {
        wakeRequested = true;
        notifyAll();
    }

    /** Waits until change {@code seq} is searchable or the timeout passes; returns whether it is. */
    synchronized boolean await(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (searched < seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The indexer rests until woken or the timeout passes; a wake-up that came while it worked ends the rest at once. */
    synchronized void rest(Duration timeout, boolean closing) throws InterruptedException {
        if (!wakeRequested && !closing) {
            wait(timeout.toMillis());
        }
        wakeRequested = false;
    }
}
