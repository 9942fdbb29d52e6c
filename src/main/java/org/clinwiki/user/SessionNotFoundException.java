package org.clinwiki.user;

import org.clinwiki.error.WikiException;

/** The user has no live token or session with this id (never had, or already revoked or expired). */
public final class SessionNotFoundException extends WikiException {

    public SessionNotFoundException(long id) {
        super(Kind.NOT_FOUND, "not_found", "You have no live token or session " + id + ".");
    }
}
