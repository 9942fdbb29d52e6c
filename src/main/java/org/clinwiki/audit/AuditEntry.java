package org.clinwiki.audit;

import java.time.Instant;

/** One line of the audit log: who did what to what, when, from where, and why. */
public record AuditEntry(long id, Instant timestamp, String actor, String action, String target,
                         String address, String reason, String details) {
}
