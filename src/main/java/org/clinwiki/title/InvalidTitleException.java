package org.clinwiki.title;

import org.clinwiki.error.WikiException;

/** A title that breaks the title rules; the message says which rule. */
public final class InvalidTitleException extends WikiException {

    public InvalidTitleException(String message) {
        super(Kind.INVALID, "invalid_title", message);
    }
}
