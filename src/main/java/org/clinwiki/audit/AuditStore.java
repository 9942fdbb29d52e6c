package org.clinwiki.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the audit log ({@link AuditLog}). */
@RegisterConstructorMapper(AuditEntry.class)
interface AuditStore {

    /** The longest text kept in any audit field: the log must not grow by what a request chose to send. */
    int FIELD_MAX = 600;

    @SqlUpdate("""
            INSERT INTO audit_log (created_at, actor_id, actor_name, action, target, address, reason, details)
            VALUES (:at, :actorId, :actorName, :action, :target, :address, :reason, :details)
            """)
    void insert(Instant at, Long actorId, String actorName, String action, String target, String address,
                String reason, String details);

    default void record(AuditedBy by, Instant at, String action, String target, String reason, String details) {
        insert(at, by.accountId(), bounded(by.name()), action, bounded(target), bounded(by.address()), bounded(reason),
                bounded(details));
    }


    static String bounded(String text) {
        return text == null || text.length() <= FIELD_MAX ? text : text.substring(0, FIELD_MAX - 1) + "…";
    }

    // Cut on the way out too: entries written before fields were bounded could be megabytes each.
    @SqlQuery("""
            SELECT id, created_at AS timestamp, substr(actor_name, 1, 600) AS actor, action, substr(target, 1, 600) AS target,
                   substr(address, 1, 600) AS address, substr(reason, 1, 600) AS reason, substr(details, 1, 600) AS details
            FROM audit_log
            WHERE id < :before AND (:action = '' OR action = :action)
            ORDER BY id DESC LIMIT :limit
            """)
    List<AuditEntry> list(long before, String action, int limit);
}
