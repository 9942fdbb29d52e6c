package org.clinwiki.user;

import java.util.Locale;
import java.util.Optional;

/** What an account may do, in increasing order of trust. */
public enum Role {
    /** Reads, like an anonymous visitor, but is known (and may later watch pages). */
    READER,
    /** Creates, edits and reverts pages. */
    EDITOR,
    /** Also protects, deletes and restores pages, blocks users, changes roles, reads the audit log. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofKey(String key) {
        for (Role role : values()) {
            if (role.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
