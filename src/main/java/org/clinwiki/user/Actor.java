package org.clinwiki.user;

import org.clinwiki.audit.AuditedBy;

/** Who is doing something and from where (an IP address), for permission checks and the audit log. */
public record Actor(User user, String address) {

    public AuditedBy audited() {
        return new AuditedBy(user.id(), user.name(), address);
    }
}
