package org.clinwiki.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for bearer tokens. Only SHA-256 hashes of tokens are stored. */
@RegisterRowMapper(TokenStore.SessionMapper.class)
public interface TokenStore {

    @SqlQuery("""
            SELECT id, kind, label, created_at, expires_at, created_from, token_hash FROM api_tokens
            WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now ORDER BY id DESC
            """)
    List<StoredSession> live(long userId, Instant now);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND user_id = :userId AND revoked_at IS NULL")
    int revokeById(long id, long userId, Instant now);

    /** A live token as stored: its hash tells whether it is the one making the request. */
    record StoredSession(Session session, String tokenHash) {
    }

    final class SessionMapper implements RowMapper<StoredSession> {
        @Override
        public StoredSession map(ResultSet rs, StatementContext ctx) throws SQLException {
            Session session = new Session(rs.getLong("id"), TokenKind.ofKey(rs.getString("kind")), rs.getString("label"),
                    Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                    rs.getString("created_from"), false);
            return new StoredSession(session, rs.getString("token_hash"));
        }
    }

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
