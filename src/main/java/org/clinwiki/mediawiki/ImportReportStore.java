package org.clinwiki.mediawiki;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the import report. */
@RegisterRowMapper(ImportReportStore.EntryMapper.class)
@RegisterConstructorMapper(ReportTotal.class)
public interface ImportReportStore {

    @SqlBatch("""
            INSERT INTO import_report (source_id, created_at, page, source_revision_id, construct, action)
            VALUES (:sourceId, :createdAt, :page, :sourceRevisionId, :construct, :action)
            """)
    void add(long sourceId, Instant createdAt, List<String> page, List<Long> sourceRevisionId, List<String> construct,
             List<String> action);

    /** Newest first, optionally only those whose page or construct contains {@code filter}. */
    @SqlQuery("""
            SELECT r.id, s.site_name, r.created_at, r.page, r.source_revision_id, r.construct, r.action
            FROM import_report r JOIN import_sources s ON s.id = r.source_id
            WHERE r.id < :before AND (:filter = '' OR r.page LIKE :like ESCAPE '!' OR r.construct LIKE :like ESCAPE '!')
            ORDER BY r.id DESC LIMIT :limit
            """)
    List<ReportEntry> entries(long before, String filter, String like, int limit);

    @SqlQuery("""
            SELECT construct, COUNT(*) AS entries, COUNT(DISTINCT page) AS pages FROM import_report
            GROUP BY construct ORDER BY entries DESC, construct LIMIT :limit
            """)
    List<ReportTotal> totals(int limit);

    @SqlQuery("SELECT COUNT(*) FROM import_report")
    long count();

    @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM import_report")
    long lastId();

    /** Oldest first, after entry {@code after}: for writing out one run's entries. */
    @SqlQuery("""
            SELECT r.id, s.site_name, r.created_at, r.page, r.source_revision_id, r.construct, r.action
            FROM import_report r JOIN import_sources s ON s.id = r.source_id
            WHERE r.id > :after ORDER BY r.id LIMIT :limit
            """)
    List<ReportEntry> after(long after, int limit);

    final class EntryMapper implements RowMapper<ReportEntry> {
        @Override
        public ReportEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            long revision = rs.getLong("source_revision_id");
            OptionalLong sourceRevision = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(revision);
            return new ReportEntry(rs.getLong("id"), rs.getString("site_name"), Instant.ofEpochMilli(rs.getLong("created_at")),
                    rs.getString("page"), sourceRevision, rs.getString("construct"), rs.getString("action"));
        }
    }
}
