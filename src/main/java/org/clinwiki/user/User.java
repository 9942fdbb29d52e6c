package org.clinwiki.user;

import java.time.Instant;
import java.util.Optional;

/**
 * An account. {@code credentials} is free text such as "MD, clinical informaticist", shown
 * beside the person's name on their revisions.
 */
public record User(long id, String name, String displayName, String credentials, Role role,
                   AccountStatus status, boolean mustChangePassword, Optional<Block> block, Instant createdAt) {

    public boolean blockedAt(Instant now) {
        return block.map(b -> b.activeAt(now)).orElse(false);
    }
}
