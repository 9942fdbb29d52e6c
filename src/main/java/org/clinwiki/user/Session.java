package org.clinwiki.user;

import java.time.Instant;

/**
 * A live login of one user: an API token or a browser session, where it was created from,
 * and whether it is the one making the current request. The token itself is never shown again.
 */
public record Session(long id, TokenKind kind, String label, Instant created, Instant expires, String createdFrom,
                      boolean current) {

    Session asCurrent() {
        return new Session(id, kind, label, created, expires, createdFrom, true);
    }
}
