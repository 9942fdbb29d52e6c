package org.clinwiki.file;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.page.Author;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for files: their bytes by SHA-256, and the versions of each file's page. */
@RegisterRowMapper(FileStore.VersionMapper.class)
interface FileStore {

    String VERSIONS = """
            SELECT v.id, v.revision_id, v.sha256, v.size, v.media_type, v.width, v.height, v.comment, v.reverted_from,
                   r.created_at, u.name AS author_name, u.display_name AS author_display_name,
                   r.author_credentials AS author_credentials
            FROM file_versions v JOIN revisions r ON r.id = v.revision_id JOIN users u ON u.id = r.author_id
            """;

    /** Stores bytes unless the same bytes are stored already. */
    @SqlUpdate("INSERT INTO file_blobs (sha256, size, content) VALUES (:sha256, :size, :content) ON CONFLICT (sha256) DO NOTHING")
    void addBlob(String sha256, long size, byte[] content);

    @SqlQuery("SELECT content FROM file_blobs WHERE sha256 = :sha256")
    Optional<byte[]> content(String sha256);

    @SqlQuery("SELECT COALESCE(SUM(size), 0) FROM file_blobs")
    long storedBytes();

    @SqlUpdate("""
            INSERT INTO file_versions (page_id, revision_id, sha256, size, media_type, width, height, comment, reverted_from)
            VALUES (:pageId, :revisionId, :sha256, :size, :mediaType, :width, :height, :comment, :revertedFrom)
            """)
    @GetGeneratedKeys("id")
    long addVersion(long pageId, long revisionId, String sha256, long size, String mediaType, int width, int height,
                    String comment, Long revertedFrom);

    /** Newest first. */
    @SqlQuery(VERSIONS + " WHERE v.page_id = :pageId ORDER BY v.id DESC LIMIT :limit")
    List<FileVersion> versions(long pageId, int limit);

    @SqlQuery(VERSIONS + " WHERE v.page_id = :pageId ORDER BY v.id DESC LIMIT 1")
    Optional<FileVersion> latest(long pageId);

    /** The current version of a live file; a deleted one has none (its page refuses uploads). */
    @SqlQuery(VERSIONS + """
             WHERE v.page_id = (SELECT id FROM pages WHERE namespace = 'file' AND name = :name AND deleted_at IS NULL)
            ORDER BY v.id DESC LIMIT 1""")
    Optional<FileVersion> latestByName(String name);

    @SqlQuery(VERSIONS + " WHERE v.page_id = :pageId AND v.id = :id")
    Optional<FileVersion> version(long pageId, long id);

    /** The latest version of each live file among these names (in the File namespace), with its name. */
    @SqlQuery("""
            SELECT p.name AS file_name, v.id, v.revision_id, v.sha256, v.size, v.media_type, v.width, v.height, v.comment,
                   v.reverted_from, r.created_at, u.name AS author_name, u.display_name AS author_display_name,
                   r.author_credentials AS author_credentials
            FROM pages p JOIN file_versions v ON v.id = (SELECT MAX(id) FROM file_versions WHERE page_id = p.id)
                 JOIN revisions r ON r.id = v.revision_id JOIN users u ON u.id = r.author_id
            WHERE p.namespace = 'file' AND p.name IN (<names>) AND p.deleted_at IS NULL
            """)
    @RegisterRowMapper(NamedVersionMapper.class)
    List<NamedVersion> latestOf(@BindList("names") List<String> names);

    /** A file's latest version with the name of its page. */
    record NamedVersion(String name, FileVersion version) {
    }

    final class VersionMapper implements RowMapper<FileVersion> {
        @Override
        public FileVersion map(ResultSet rs, StatementContext ctx) throws SQLException {
            long revertedFrom = rs.getLong("reverted_from");
            OptionalLong reverted = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(revertedFrom);
            Author uploader = new Author(rs.getString("author_name"), rs.getString("author_display_name"),
                    rs.getString("author_credentials"));
            return new FileVersion(rs.getLong("id"), rs.getLong("revision_id"), rs.getString("sha256"), rs.getLong("size"),
                    rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"), uploader,
                    Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("comment"), reverted);
        }
    }

    final class NamedVersionMapper implements RowMapper<NamedVersion> {
        private final VersionMapper versions = new VersionMapper();

        @Override
        public NamedVersion map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new NamedVersion(rs.getString("file_name"), versions.map(rs, ctx));
        }
    }
}
