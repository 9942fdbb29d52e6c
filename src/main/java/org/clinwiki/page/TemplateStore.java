package org.clinwiki.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for transclusions: which pages use which, and the queue of templates whose users must catch up. */
@RegisterRowMapper(PageStore.TitleMapper.class)
interface TemplateStore {

    /** The latest revision of a live page. */
    @SqlQuery("SELECT latest_revision_id FROM pages WHERE namespace = :namespace AND name = :name AND deleted_at IS NULL")
    Optional<Long> latestRevision(String namespace, String name);

    @SqlUpdate("DELETE FROM transclusions WHERE from_page_id = :pageId")
    void clear(long pageId);

    @SqlBatch("INSERT INTO transclusions (from_page_id, target_namespace, target_name) VALUES (:pageId, :namespace, :name)")
    void add(long pageId, List<String> namespace, List<String> name);

    /** Live pages that transclude a title (at any depth), after a title, by title. */
    @SqlQuery("""
            SELECT p.namespace, p.name FROM transclusions t JOIN pages p ON p.id = t.from_page_id
            WHERE t.target_namespace = :namespace AND t.target_name = :name AND p.deleted_at IS NULL
              AND (p.namespace > :afterNamespace OR (p.namespace = :afterNamespace AND p.name > :afterName))
            ORDER BY p.namespace, p.name LIMIT :limit
            """)
    List<Title> users(String namespace, String name, String afterNamespace, String afterName, int limit);

    /** Ids of the pages, deleted ones too, whose latest revision transcludes a title. */
    @SqlQuery("SELECT from_page_id FROM transclusions WHERE target_namespace = :namespace AND target_name = :name ORDER BY from_page_id")
    List<Long> userIds(String namespace, String name);

    /** Queues a change of the title for the pages that transclude it, if any do. */
    @SqlUpdate("""
            INSERT INTO template_changes (target_namespace, target_name, created_at)
            SELECT :namespace, :name, :now
            WHERE EXISTS (SELECT 1 FROM transclusions WHERE target_namespace = :namespace AND target_name = :name)
            """)
    void queueChange(String namespace, String name, long now);

    @SqlQuery("SELECT id, target_namespace AS namespace, target_name AS name FROM template_changes ORDER BY id LIMIT 1")
    @RegisterRowMapper(ChangeMapper.class)
    Optional<TemplateChange> oldestChange();

    @SqlUpdate("DELETE FROM template_changes WHERE id = :id")
    void done(long id);

    /** Drops the queued changes of a title whose users were all brought up to date another way (an import's end). */
    @SqlUpdate("DELETE FROM template_changes WHERE target_namespace = :namespace AND target_name = :name")
    void forget(String namespace, String name);

    @SqlQuery("SELECT COUNT(*) FROM template_changes")
    long pendingChanges();

    final class ChangeMapper implements RowMapper<TemplateChange> {
        @Override
        public TemplateChange map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TemplateChange(rs.getLong("id"), new Title(Namespace.ofKey(rs.getString("namespace")).orElseThrow(),
                    rs.getString("name")));
        }
    }
}
