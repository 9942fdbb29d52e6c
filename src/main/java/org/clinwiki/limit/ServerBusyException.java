package org.clinwiki.limit;

import java.util.OptionalLong;
import org.clinwiki.error.WikiException;

/**
 * The server has no room for this work right now (every permit for slow work is taken, or the
 * database is locked for longer than it waits); nothing was changed, and trying again shortly
 * can succeed.
 */
public final class ServerBusyException extends WikiException {

    private final long retryAfterSeconds;

    public ServerBusyException(String message, long retryAfterSeconds) {
        super(Kind.BUSY, "busy", message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
