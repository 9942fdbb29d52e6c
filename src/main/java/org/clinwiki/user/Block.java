package org.clinwiki.user;

import java.time.Instant;
import java.util.Optional;

/** A block on an account: it may read, but every write is refused until the block ends. */
public record Block(String reason, Instant since, Optional<Instant> until, String blockedBy) {

    public boolean activeAt(Instant now) {
        return until.map(now::isBefore).orElse(true);
    }
}
