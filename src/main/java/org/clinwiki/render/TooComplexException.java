package org.clinwiki.render;

import org.clinwiki.error.WikiException;

/** Page text beyond what can be rendered in bounded time and stack: the message says what is too much. */
public final class TooComplexException extends WikiException {

    public TooComplexException(String message) {
        super(Kind.INVALID, "too_complex", message);
    }
}
