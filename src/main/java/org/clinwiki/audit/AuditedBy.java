package org.clinwiki.audit;

/** Who an audited action is written down as: the account (none for a failed login), its name, and the client address. */
public record AuditedBy(Long accountId, String name, String address) {
}
