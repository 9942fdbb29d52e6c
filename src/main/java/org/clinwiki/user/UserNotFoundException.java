package org.clinwiki.user;

import org.clinwiki.error.WikiException;

/** No account has this name. */
public final class UserNotFoundException extends WikiException {

    public UserNotFoundException(String name) {
        super(Kind.NOT_FOUND, "not_found", "There is no user named \"" + name + "\".");
    }
}
