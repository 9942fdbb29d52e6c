package org.clinwiki.user;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for bearer tokens. Only SHA-256 hashes of tokens are stored. */
public interface TokenStore {

    @SqlUpdate("""
            INSERT INTO api_tokens (user_id, token_hash, kind, label, created_at, expires_at, created_from)
            VALUES (:userId, :tokenHash, :kind, :label, :createdAt, :expiresAt, :createdFrom)
            """)
    void insert(long userId, String tokenHash, String kind, String label, Instant createdAt, Instant expiresAt,
                String createdFrom);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE token_hash = :tokenHash AND revoked_at IS NULL")
    int revoke(String tokenHash, Instant now);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAll(long userId, Instant now);

    @SqlUpdate("""
            UPDATE api_tokens SET revoked_at = :now
            WHERE user_id = :userId AND revoked_at IS NULL AND token_hash <> :keepHash
            """)
    int revokeAllExcept(long userId, String keepHash, Instant now);
}
