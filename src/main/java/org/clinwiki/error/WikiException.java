package org.clinwiki.error;

import java.util.OptionalLong;

/**
 * A failure a caller can act on: it carries a stable machine-readable {@link #code()} (such as
 * {@code invalid_title}) and the {@link Kind} of failure, which the web layer turns into a status.
 * Anything that is not a {@code WikiException} is a bug and is answered as an internal error.
 */
public abstract class WikiException extends RuntimeException {

    /** What sort of failure this is, independent of any protocol. */
    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED, TOO_MANY, BUSY, TOO_SLOW }

    private final String code;
    private final Kind kind;

    protected WikiException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public final String code() {
        return code;
    }

    public final Kind kind() {
        return kind;
    }

    /** When trying again can succeed, for failures that pass with time (throttles, a busy server). */
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }
}
