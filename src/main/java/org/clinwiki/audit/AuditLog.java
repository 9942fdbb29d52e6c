package org.clinwiki.audit;

import java.time.Instant;
import java.util.List;
import org.clinwiki.db.Transaction;

/**
 * The audit log on one transaction: an audited action writes its entry on the transaction
 * that does it, so the two commit together or not at all.
 */
public final class AuditLog {

    private final AuditStore store;

    public AuditLog(Transaction transaction) {
        this.store = transaction.attach(AuditStore.class);
    }

    /** Writes down that {@code by} did {@code action} to {@code target}; long fields are cut (see {@link AuditStore#FIELD_MAX}). */
    public void record(AuditedBy by, Instant at, String action, String target, String reason, String details) {
        store.record(by, at, action, target, reason, details);
    }

    /** Entries before id {@code before}, newest first, of one {@code action} or (when empty) all. */
    public List<AuditEntry> list(long before, String action, int limit) {
        return store.list(before, action, limit);
    }
}
