package org.clinwiki.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for revisions. Revisions are only ever inserted. */
@RegisterRowMapper(RevisionStore.RevisionMapper.class)
@RegisterRowMapper(RevisionStore.RecentEditMapper.class)
public interface RevisionStore {

    String COLUMNS = """
            r.id, r.page_id, r.parent_id, r.created_at, r.summary, r.minor, r.size, r.sha1, r.author_credentials,
            u.name AS author_name, u.display_name AS author_display_name
            """;
    String SELECT = "SELECT " + COLUMNS + " FROM revisions r JOIN users u ON u.id = r.author_id ";
    String CHANGES = "SELECT " + COLUMNS + """
            , p.namespace, p.name, p.deleted_at, COALESCE(parent.size, 0) AS parent_size
            FROM revisions r
            JOIN users u ON u.id = r.author_id
            JOIN pages p ON p.id = r.page_id
            LEFT JOIN revisions parent ON parent.id = r.parent_id
            """;

    // RETURNING rather than generated keys: the SQLite driver answers those with a query of its own, prepared anew for
    // every row, which was most of the time an import spends writing a revision.
    @SqlQuery("""
            INSERT INTO revisions (page_id, parent_id, author_id, author_credentials, created_at, summary, minor,
                                   size, sha1, content)
            VALUES (:pageId, :parentId, :authorId, :authorCredentials, :createdAt, :summary, :minor,
                    :size, :sha1, :content)
            RETURNING id
            """)
    long insert(long pageId, Long parentId, long authorId, String authorCredentials, Instant createdAt, String summary,
                boolean minor, int size, String sha1, String content);

    @SqlQuery(SELECT + "WHERE r.id = :id")
    Optional<Revision> find(long id);

    @SqlQuery("SELECT content FROM revisions WHERE id = :id")
    String content(long id);

    @SqlQuery(SELECT + "WHERE r.page_id = :pageId AND r.id < :before ORDER BY r.id DESC LIMIT :limit")
    List<Revision> history(long pageId, long before, int limit);

    @SqlQuery(SELECT + "WHERE r.page_id = :pageId AND r.id > :after ORDER BY r.id LIMIT 1")
    Optional<Revision> next(long pageId, long after);

    /** Edits made here, newest first: imported revisions are old news, shown once per page by the import's own revision. */
    @SqlQuery(CHANGES + """
            WHERE r.id < :before AND (p.deleted_at IS NULL OR :includeDeleted)
              AND (:namespace = '' OR p.namespace = :namespace) AND (r.minor = FALSE OR :includeMinor)
              AND NOT EXISTS (SELECT 1 FROM imported_revisions i WHERE i.revision_id = r.id)
            ORDER BY r.id DESC LIMIT :limit
            """)
    List<RecentEdit> recent(long before, String namespace, boolean includeMinor, boolean includeDeleted, int limit);

    @SqlQuery(CHANGES + """
            WHERE u.name_key = :authorKey AND r.id < :before AND (p.deleted_at IS NULL OR :includeDeleted)
            ORDER BY r.id DESC LIMIT :limit
            """)
    List<RecentEdit> byAuthor(String authorKey, long before, boolean includeDeleted, int limit);

    @SqlQuery("""
            SELECT u.name AS author_name, u.display_name AS author_display_name, u.credentials AS author_credentials
            FROM revisions r JOIN users u ON u.id = r.author_id
            WHERE r.page_id = :pageId AND u.status <> 'system'
            GROUP BY u.id, u.name, u.display_name, u.credentials ORDER BY COUNT(*) DESC, u.name LIMIT :limit
            """)
    @RegisterRowMapper(AuthorMapper.class)
    List<Author> contributors(long pageId, int limit);

    final class RevisionMapper implements RowMapper<Revision> {
        @Override
        public Revision map(ResultSet rs, StatementContext ctx) throws SQLException {
            long parent = rs.getLong("parent_id");
            OptionalLong parentId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(parent);
            return new Revision(rs.getLong("id"), rs.getLong("page_id"), parentId, AuthorMapper.author(rs),
                    Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("summary"), rs.getBoolean("minor"),
                    rs.getInt("size"), rs.getString("sha1"));
        }
    }

    final class RecentEditMapper implements RowMapper<RecentEdit> {
        private final RevisionMapper revisions = new RevisionMapper();

        @Override
        public RecentEdit map(ResultSet rs, StatementContext ctx) throws SQLException {
            Revision revision = revisions.map(rs, ctx);
            rs.getLong("deleted_at");
            boolean deleted = !rs.wasNull();
            return new RecentEdit(PageStore.title(rs), revision, revision.size() - rs.getInt("parent_size"), deleted);
        }
    }

    final class AuthorMapper implements RowMapper<Author> {
        @Override
        public Author map(ResultSet rs, StatementContext ctx) throws SQLException {
            return author(rs);
        }

        static Author author(ResultSet rs) throws SQLException {
            return new Author(rs.getString("author_name"), rs.getString("author_display_name"),
                    rs.getString("author_credentials"));
        }
    }
}
