package org.clinwiki.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.clinwiki.title.Title;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the page feed ({@link PageFeed}): pages in order of their latest change, with that change's text. */
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
