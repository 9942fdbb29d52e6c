package org.clinwiki.error;

/** Input that breaks a rule (a field missing, a value out of range); the message says which. */
public final class InvalidInputException extends WikiException {

    public InvalidInputException(String code, String message) {
        super(Kind.INVALID, code, message);
    }

    public InvalidInputException(String message) {
        this("invalid_request", message);
    }
}
