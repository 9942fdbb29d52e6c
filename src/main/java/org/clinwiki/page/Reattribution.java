package org.clinwiki.page;

import org.clinwiki.db.Transaction;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Credits one account's revisions to another, inside the caller's transaction: when an account
 * made for an imported author is merged into the person's real account. The only change made to
 * old revisions besides reconversion; the text, time and summary of each stay.
 */
public final class Reattribution {

    private final Store store;

    public Reattribution(Transaction transaction) {
        this.store = transaction.attach(Store.class);
    }

    /** Revisions moved from {@code fromUserId} to {@code toUserId}. */
    public int move(long fromUserId, long toUserId) {
        return store.move(fromUserId, toUserId);
    }

    /** SQL for moving revisions between authors. */
    public interface Store {
        @SqlUpdate("UPDATE revisions SET author_id = :toUserId WHERE author_id = :fromUserId")
        int move(long fromUserId, long toUserId);
    }
}
