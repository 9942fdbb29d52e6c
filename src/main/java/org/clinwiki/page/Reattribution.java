package org.clinwiki.page;

import org.clinwiki.db.Transaction;

/**
 * Credits one account's revisions to another, inside the caller's transaction: when an account
 * made for an imported author is merged into the person's real account. The only change made to
 * old revisions besides reconversion; the text, time and summary of each stay.
 */
public final class Reattribution {

    private final AuthorshipStore store;

    public Reattribution(Transaction transaction) {
        this.store = transaction.attach(AuthorshipStore.class);
    }

    /** Revisions moved from {@code fromUserId} to {@code toUserId}. */
    public int move(long fromUserId, long toUserId) {
        return store.move(fromUserId, toUserId);
    }
}
