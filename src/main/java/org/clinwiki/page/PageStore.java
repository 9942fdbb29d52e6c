package org.clinwiki.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.user.Role;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for pages and what is derived from their latest revision: links and redirects. */
@RegisterRowMapper(PageStore.PageMapper.class)
@RegisterRowMapper(PageStore.TitleMapper.class)
@RegisterRowMapper(PageStore.BacklinkMapper.class)
public interface PageStore {

    String SELECT = """
            SELECT id, namespace, name, latest_revision_id, edit_role, created_at, touched_at, deleted_at FROM pages
            """;

    @SqlQuery(SELECT + "WHERE namespace = :namespace AND name = :name")
    Optional<Page> find(String namespace, String name);

    @SqlQuery(SELECT + "WHERE id = :id")
    Optional<Page> findById(long id);

    default Optional<Page> find(Title title) {
        return find(title.namespace().key(), title.name());
    }

    @SqlUpdate("INSERT INTO pages (namespace, name, created_at, touched_at) VALUES (:namespace, :name, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(String namespace, String name, Instant now);

    @SqlUpdate("UPDATE pages SET latest_revision_id = :revisionId, touched_at = :now WHERE id = :pageId")
    void setLatest(long pageId, long revisionId, Instant now);

    @SqlQuery("SELECT value FROM sequences WHERE name = 'page_changes'")
    long changeSequence();

    @SqlUpdate("UPDATE sequences SET value = value + 1 WHERE name = 'page_changes'")
    void advanceChangeSequence();

    @SqlUpdate("UPDATE pages SET change_seq = (SELECT value FROM sequences WHERE name = 'page_changes') WHERE id = :pageId")
    void stampChange(long pageId);

    /** Marks the page as changed for those who follow changes (the search index). Call inside the change's transaction. */
    default void recordChange(long pageId) {
        advanceChangeSequence();
        stampChange(pageId);
    }

    @SqlUpdate("UPDATE pages SET edit_role = :editRole, touched_at = :now WHERE id = :pageId")
    void setEditRole(long pageId, String editRole, Instant now);

    @SqlUpdate("""
            UPDATE pages SET deleted_at = :now, deleted_by = :byId, delete_reason = :reason, touched_at = :now
            WHERE id = :pageId
            """)
    void markDeleted(long pageId, Instant now, long byId, String reason);

    @SqlUpdate("UPDATE pages SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL, touched_at = :now WHERE id = :pageId")
    void markRestored(long pageId, Instant now);

    /** Titles in one namespace, by name, from a prefix range, after a name (for paging). */
    @SqlQuery("""
            SELECT namespace, name FROM pages
            WHERE namespace = :namespace AND name >= :from AND name < :until AND name > :after
              AND (deleted_at IS NULL OR :includeDeleted)
            ORDER BY name LIMIT :limit
            """)
    List<Title> titles(String namespace, String from, String until, String after, boolean includeDeleted, int limit);

    /** Of the given names in one namespace, those that are live pages. */
    @SqlQuery("SELECT name FROM pages WHERE namespace = :namespace AND name IN (<names>) AND deleted_at IS NULL")
    List<String> existing(String namespace, @BindList("names") List<String> names);

    @SqlQuery("SELECT COUNT(*) FROM pages WHERE deleted_at IS NULL")
    long countLive();

    @SqlQuery("SELECT COUNT(*) FROM pages")
    long countAll();

    @SqlUpdate("DELETE FROM links WHERE from_page_id = :pageId")
    void clearLinks(long pageId);

    @SqlBatch("INSERT INTO links (from_page_id, target_namespace, target_name) VALUES (:pageId, :namespace, :name)")
    void addLinks(long pageId, List<String> namespace, List<String> name);

    @SqlUpdate("DELETE FROM redirects WHERE page_id = :pageId")
    void clearRedirect(long pageId);

    @SqlUpdate("INSERT INTO redirects (page_id, target_namespace, target_name) VALUES (:pageId, :namespace, :name)")
    void addRedirect(long pageId, String namespace, String name);

    /** Live pages linking to a title, and whether each is a redirect to it. */
    @SqlQuery("""
            SELECT p.namespace, p.name,
                   (r.page_id IS NOT NULL AND r.target_namespace = l.target_namespace AND r.target_name = l.target_name) AS redirect
            FROM links l
            JOIN pages p ON p.id = l.from_page_id
            LEFT JOIN redirects r ON r.page_id = p.id
            WHERE l.target_namespace = :namespace AND l.target_name = :name AND p.deleted_at IS NULL
              AND (p.namespace > :afterNamespace OR (p.namespace = :afterNamespace AND p.name > :afterName))
            ORDER BY p.namespace, p.name LIMIT :limit
            """)
    List<Backlink> backlinks(String namespace, String name, String afterNamespace, String afterName, int limit);

    /** Titles linked from live pages that have no live page, most wanted first. */
    @SqlQuery("""
            SELECT l.target_namespace AS namespace, l.target_name AS name, COUNT(*) AS links
            FROM links l
            JOIN pages source ON source.id = l.from_page_id AND source.deleted_at IS NULL
            LEFT JOIN pages target ON target.namespace = l.target_namespace AND target.name = l.target_name
                                   AND target.deleted_at IS NULL
            WHERE target.id IS NULL
            GROUP BY l.target_namespace, l.target_name
            ORDER BY links DESC, l.target_name LIMIT :limit
            """)
    @RegisterRowMapper(WantedMapper.class)
    List<Wanted> wanted(int limit);

    /** Live, non-redirect articles no other live page links to, by name. */
    @SqlQuery("""
            SELECT p.namespace, p.name FROM pages p
            WHERE p.namespace = 'main' AND p.deleted_at IS NULL AND p.name > :after
              AND NOT EXISTS (SELECT 1 FROM redirects r WHERE r.page_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM links l JOIN pages source ON source.id = l.from_page_id
                              WHERE l.target_namespace = p.namespace AND l.target_name = p.name
                                AND source.deleted_at IS NULL AND source.id <> p.id)
            ORDER BY p.name LIMIT :limit
            """)
    List<Title> orphaned(String after, int limit);

    /** A random live, non-redirect article. */
    @SqlQuery("""
            SELECT p.namespace, p.name FROM pages p
            WHERE p.namespace = 'main' AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM redirects r WHERE r.page_id = p.id)
            ORDER BY RANDOM() LIMIT 1
            """)
    Optional<Title> random();

    final class WantedMapper implements RowMapper<Wanted> {
        @Override
        public Wanted map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Wanted(title(rs), rs.getInt("links"));
        }
    }

    final class PageMapper implements RowMapper<Page> {
        @Override
        public Page map(ResultSet rs, StatementContext ctx) throws SQLException {
            long deleted = rs.getLong("deleted_at");
            Optional<Instant> deletedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deleted));
            return new Page(rs.getLong("id"), title(rs), rs.getLong("latest_revision_id"),
                    Role.ofKey(rs.getString("edit_role")).orElseThrow(),
                    Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("touched_at")),
                    deletedAt);
        }
    }

    final class TitleMapper implements RowMapper<Title> {
        @Override
        public Title map(ResultSet rs, StatementContext ctx) throws SQLException {
            return title(rs);
        }
    }

    final class BacklinkMapper implements RowMapper<Backlink> {
        @Override
        public Backlink map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Backlink(title(rs), rs.getBoolean("redirect"));
        }
    }

    // Titles are stored clean; rebuilding them does not parse again.
    static Title title(ResultSet rs) throws SQLException {
        return new Title(Namespace.ofKey(rs.getString("namespace")).orElseThrow(), rs.getString("name"));
    }
}
