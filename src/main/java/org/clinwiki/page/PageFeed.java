package org.clinwiki.page;

import java.util.List;
import org.clinwiki.db.Database;
import org.clinwiki.title.Title;

/**
 * The log of page changes, in order, for stores derived from pages (the search index): which
 * pages changed after a sequence number, with their latest text. The database is the source
 * of truth; a follower that loses its state replays the feed from zero. Thread-safe.
 */
public final class PageFeed {

    private final Database database;

    public PageFeed(Database database) {
        this.database = database;
    }

    /** Pages changed after {@code seq}, oldest change first, at most {@code limit}. */
    public List<PageSnapshot> since(long seq, int limit) {
        return database.read(FeedStore.class, feed -> feed.since(seq, limit));
    }

    /** The latest change number; a follower that has applied it is up to date. */
    public long latest() {
        return database.read(PageStore.class, PageStore::changeSequence);
    }

    /** How many pages a full replay would go through. */
    public long size() {
        return database.read(PageStore.class, PageStore::countAll);
    }

    /** The current state of one page, if it exists. */
    public List<PageSnapshot> current(Title title) {
        return database.read(FeedStore.class, feed -> feed.current(title.namespace().key(), title.name()));
    }

    /** Every live page's title. */
    public List<Title> liveTitles() {
        return database.read(FeedStore.class, FeedStore::liveTitles);
    }
}
