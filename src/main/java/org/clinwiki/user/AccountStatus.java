package org.clinwiki.user;

import java.util.Locale;

/** Whether an account can be used. */
public enum AccountStatus {
    ACTIVE,
    /** Registered and waiting for an administrator to approve it. */
    PENDING,
    /** Owned by Clinwiki itself (seeded pages, imports); nobody can log in as it. */
    SYSTEM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccountStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
