package org.clinwiki.user;

import org.clinwiki.error.WikiException;

/** The request needs a logged-in user and has none, or its credentials are wrong or expired. */
public final class NotAuthenticatedException extends WikiException {

    public NotAuthenticatedException(String code, String message) {
        super(Kind.UNAUTHENTICATED, code, message);
    }

    public NotAuthenticatedException() {
        this("unauthenticated", "Log in to do this.");
    }
}
