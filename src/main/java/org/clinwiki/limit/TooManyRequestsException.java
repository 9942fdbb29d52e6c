package org.clinwiki.limit;

import java.util.OptionalLong;
import org.clinwiki.error.WikiException;

/** Too many attempts too fast; {@link #retryAfterSeconds()} says when trying again can succeed. */
public final class TooManyRequestsException extends WikiException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, String message, long retryAfterSeconds) {
        super(Kind.TOO_MANY, code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
