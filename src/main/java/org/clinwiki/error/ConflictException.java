package org.clinwiki.error;

/** The request clashes with the current state (a name already taken, a page already deleted). */
public final class ConflictException extends WikiException {

    public ConflictException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }
}
