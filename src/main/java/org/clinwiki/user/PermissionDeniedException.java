package org.clinwiki.user;

import org.clinwiki.error.WikiException;

/** The acting user may not do this; {@code code} says why (forbidden, blocked, protected, ...). */
public final class PermissionDeniedException extends WikiException {

    public PermissionDeniedException(String code, String message) {
        super(Kind.FORBIDDEN, code, message);
    }
}
