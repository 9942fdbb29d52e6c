package org.clinwiki.category;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for category membership. Deleted pages are members of nothing. */
@RegisterConstructorMapper(CategoryStore.MemberRow.class)
@RegisterConstructorMapper(CategorySummary.class)
public interface CategoryStore {

    @SqlUpdate("DELETE FROM category_members WHERE page_id = :pageId")
    void clear(long pageId);

    @SqlBatch("INSERT INTO category_members (page_id, category) VALUES (:pageId, :category)")
    void add(long pageId, List<String> category);

    @SqlQuery("""
            SELECT p.namespace, p.name FROM category_members m JOIN pages p ON p.id = m.page_id
            WHERE m.category = :category AND p.deleted_at IS NULL AND p.name > :after
            ORDER BY p.name, p.namespace LIMIT :limit
            """)
    List<MemberRow> members(String category, String after, int limit);

    @SqlQuery("""
            SELECT m.category FROM category_members m JOIN pages p ON p.id = m.page_id
            WHERE p.namespace = :namespace AND p.name = :name AND p.deleted_at IS NULL
            ORDER BY m.category
            """)
    List<String> categoriesOf(String namespace, String name);

    /** Categories with members, or with a category page, by name. */
    @SqlQuery("""
            SELECT name, SUM(members) AS members, MAX(has_page) = 1 AS hasPage FROM (
                SELECT m.category AS name, COUNT(*) AS members, 0 AS has_page
                FROM category_members m JOIN pages p ON p.id = m.page_id
                WHERE p.deleted_at IS NULL AND m.category > :after AND m.category >= :from AND m.category < :until
                GROUP BY m.category
                UNION ALL
                SELECT name, 0, 1 FROM pages
                WHERE namespace = 'category' AND deleted_at IS NULL AND name > :after AND name >= :from AND name < :until
            ) AS c
            GROUP BY name ORDER BY name LIMIT :limit
            """)
    List<CategorySummary> list(String from, String until, String after, int limit);

    /** A member page as stored: namespace key and name. */
    record MemberRow(String namespace, String name) {
    }
}
