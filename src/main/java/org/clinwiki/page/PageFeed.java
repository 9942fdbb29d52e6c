package org.clinwiki.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.clinwiki.db.Database;
import org.clinwiki.title.Title;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

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
        return database.reader().withExtension(FeedStore.class, feed -> feed.since(seq, limit));
    }

    /** The latest change number; a follower that has applied it is up to date. */
    public long latest() {
        return database.reader().withExtension(PageStore.class, PageStore::changeSequence);
    }

    /** How many pages a full replay would go through. */
    public long size() {
        return database.reader().withExtension(PageStore.class, PageStore::countAll);
    }

    /** The current state of one page, if it exists. */
    public List<PageSnapshot> current(Title title) {
        return database.reader().withExtension(FeedStore.class, feed -> feed.current(title.namespace().key(), title.name()));
    }

    /** Every live page's title. */
    public List<Title> liveTitles() {
        return database.reader().withExtension(FeedStore.class, FeedStore::liveTitles);
    }

    @RegisterRowMapper(FeedStore.SnapshotMapper.class)
    @RegisterRowMapper(PageStore.TitleMapper.class)
    interface FeedStore {

        String SELECT = """
                SELECT p.id, p.namespace, p.name, p.change_seq, p.deleted_at, r.id AS revision_id, r.created_at,
                       u.name AS author, r.content
                FROM pages p
                JOIN revisions r ON r.id = p.latest_revision_id
                JOIN users u ON u.id = r.author_id
                """;

        @SqlQuery(SELECT + "WHERE p.change_seq > :seq ORDER BY p.change_seq LIMIT :limit")
        List<PageSnapshot> since(long seq, int limit);

        @SqlQuery(SELECT + "WHERE p.namespace = :namespace AND p.name = :name")
        List<PageSnapshot> current(String namespace, String name);

        @SqlQuery("SELECT namespace, name FROM pages WHERE deleted_at IS NULL")
        List<Title> liveTitles();

        final class SnapshotMapper implements RowMapper<PageSnapshot> {
            @Override
            public PageSnapshot map(ResultSet rs, StatementContext ctx) throws SQLException {
                rs.getLong("deleted_at");
                boolean deleted = !rs.wasNull();
                return new PageSnapshot(rs.getLong("change_seq"), rs.getLong("id"), PageStore.title(rs), deleted,
                        rs.getLong("revision_id"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("author"),
                        rs.getString("content"));
            }
        }
    }
}
