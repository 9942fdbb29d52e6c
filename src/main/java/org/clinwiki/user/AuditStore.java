package org.clinwiki.user;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the audit log. Writers attach it to the handle of the transaction that does the
 * audited thing, so the action and its record commit together or not at all.
 */
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditStore {

    @SqlUpdate("""
            INSERT INTO audit_log (created_at, actor_id, actor_name, action, target, address, reason, details)
            VALUES (:at, :actorId, :actorName, :action, :target, :address, :reason, :details)
            """)
    void insert(Instant at, Long actorId, String actorName, String action, String target, String address,
                String reason, String details);

    default void record(Actor actor, Instant at, String action, String target, String reason, String details) {
        insert(at, actor.user().id(), actor.user().name(), action, target, actor.address(), reason, details);
    }

    @SqlQuery("""
            SELECT id, created_at AS timestamp, actor_name AS actor, action, target, address, reason, details
            FROM audit_log
            WHERE id < :before AND (:action = '' OR action = :action)
            ORDER BY id DESC LIMIT :limit
            """)
    List<AuditEntry> list(long before, String action, int limit);
}
