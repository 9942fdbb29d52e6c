package org.clinwiki.user;

import java.util.Locale;
import java.util.Optional;

/** Who may create an account through the site. */
public enum RegistrationMode {
    /** Anyone; new accounts are editors at once. */
    OPEN,
    /** Anyone may ask; an administrator approves the account before it can log in. */
    APPROVAL,
    /** Only administrators create accounts (with the command line). */
    CLOSED;

    public static Optional<RegistrationMode> ofKey(String key) {
        try {
            return Optional.of(valueOf(key.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
