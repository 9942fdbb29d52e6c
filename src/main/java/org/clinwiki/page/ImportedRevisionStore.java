package org.clinwiki.page;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for where imported revisions came from, and their original text. */
public interface ImportedRevisionStore {

    @SqlUpdate("""
            INSERT INTO imported_revisions (revision_id, source_id, source_revision_id, source_page_id, source_sha1,
                                            converter_version, wikitext)
            VALUES (:revisionId, :sourceId, :sourceRevisionId, :sourcePageId, :sourceSha1, :converterVersion, :wikitext)
            """)
    void insert(long revisionId, long sourceId, long sourceRevisionId, long sourcePageId, String sourceSha1,
                int converterVersion, String wikitext);

    /** Of the given source revisions, those already imported. */
    @SqlQuery("""
            SELECT source_revision_id FROM imported_revisions
            WHERE source_id = :sourceId AND source_revision_id IN (<ids>)
            """)
    List<Long> known(long sourceId, @BindList("ids") List<Long> ids);

    @SqlQuery("SELECT COUNT(*) > 0 FROM imported_revisions WHERE revision_id = :revisionId")
    boolean isImported(long revisionId);

    /** The SHA-1 of the page's last imported revision's text, if it has one. */
    @SqlQuery("""
            SELECT r.sha1 FROM revisions r JOIN imported_revisions i ON i.revision_id = r.id
            WHERE r.page_id = :pageId ORDER BY r.id DESC LIMIT 1
            """)
    Optional<String> lastImportedSha1(long pageId);

    /** Whether someone (not Clinwiki itself, not an import) ever wrote a revision of the page. */
    @SqlQuery("""
            SELECT COUNT(*) > 0 FROM revisions r JOIN users u ON u.id = r.author_id
            WHERE r.page_id = :pageId AND u.status <> 'system'
              AND NOT EXISTS (SELECT 1 FROM imported_revisions i WHERE i.revision_id = r.id)
            """)
    boolean editedHere(long pageId);

    /** Imported revisions after {@code after}, in order: all of them, or those converted by an older converter. */
    @SqlQuery("""
            SELECT i.revision_id FROM imported_revisions i
            WHERE i.revision_id > :after AND (i.converter_version < :version OR :all)
            ORDER BY i.revision_id LIMIT :limit
            """)
    List<Long> toReconvert(long after, int version, boolean all, int limit);

    @SqlQuery("""
            SELECT i.revision_id, i.source_id, i.wikitext, r.page_id, r.sha1 FROM imported_revisions i
            JOIN revisions r ON r.id = i.revision_id WHERE i.revision_id = :revisionId
            """)
    @RegisterConstructorMapper(ImportedRevisions.Original.class)
    Optional<ImportedRevisions.Original> original(long revisionId);

    @SqlUpdate("UPDATE imported_revisions SET converter_version = :version WHERE revision_id = :revisionId")
    void setConverterVersion(long revisionId, int version);

    /** The import's own entry right after an imported revision (same text, by Clinwiki itself), if there is one. */
    @SqlQuery("""
            SELECT r.id FROM revisions r JOIN users u ON u.id = r.author_id
            WHERE r.parent_id = :revisionId AND r.sha1 = :sha1 AND u.status = 'system'
              AND NOT EXISTS (SELECT 1 FROM imported_revisions i WHERE i.revision_id = r.id)
            """)
    List<Long> importEntriesAfter(long revisionId, String sha1);

    @SqlUpdate("UPDATE revisions SET content = :content, size = :size, sha1 = :sha1 WHERE id IN (<ids>)")
    void rewrite(@BindList("ids") List<Long> ids, String content, int size, String sha1);
}
