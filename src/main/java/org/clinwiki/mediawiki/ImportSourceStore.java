package org.clinwiki.mediawiki;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the wikis imported from. */
@RegisterConstructorMapper(ImportSource.class)
public interface ImportSourceStore {

    String SELECT = "SELECT id, name, site_name AS siteName, namespaces FROM import_sources ";

    @SqlQuery(SELECT + "WHERE name = :name")
    Optional<ImportSource> find(String name);

    @SqlQuery(SELECT + "WHERE id = :id")
    Optional<ImportSource> findById(long id);

    @SqlQuery(SELECT + "ORDER BY id")
    List<ImportSource> all();

    @SqlUpdate("""
            INSERT INTO import_sources (name, site_name, base_url, generator, namespaces, first_imported_at, last_imported_at)
            VALUES (:name, :siteName, :baseUrl, :generator, :namespaces, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(String name, String siteName, String baseUrl, String generator, String namespaces, Instant now);

    @SqlUpdate("""
            UPDATE import_sources SET site_name = :siteName, generator = :generator, namespaces = :namespaces,
                                      last_imported_at = :now
            WHERE id = :id
            """)
    void touch(long id, String siteName, String generator, String namespaces, Instant now);
}
