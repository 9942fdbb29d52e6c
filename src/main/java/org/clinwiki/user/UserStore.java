package org.clinwiki.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for accounts. Attach to a Jdbi handle; no rules live here. */
@RegisterRowMapper(UserStore.UserMapper.class)
public interface UserStore {

    String SELECT = """
            SELECT u.id, u.name, u.display_name, u.credentials, u.role, u.status, u.must_change_password,
                   u.created_at, u.blocked_at, u.blocked_until, u.block_reason, b.name AS blocked_by_name
            FROM users u LEFT JOIN users b ON b.id = u.blocked_by
            """;

    @SqlQuery(SELECT + "WHERE u.name_key = :key")
    Optional<User> findByKey(String key);

    @SqlQuery(SELECT + "WHERE u.id = :id")
    Optional<User> findById(long id);

    @SqlQuery(SELECT + """
            JOIN api_tokens t ON t.user_id = u.id
            WHERE t.token_hash = :tokenHash AND t.revoked_at IS NULL AND t.expires_at > :now
            """)
    Optional<User> findByToken(String tokenHash, Instant now);

    /** Accounts with a status, by name, after a name (for paging). */
    @SqlQuery(SELECT + "WHERE u.status = :status AND u.name_key > :afterKey ORDER BY u.name_key LIMIT :limit")
    List<User> listByStatus(String status, String afterKey, int limit);

    /** An account whose name looks like one with this confusable skeleton, if any. */
    @SqlQuery(SELECT + "WHERE u.name_skeleton = :skeleton ORDER BY u.id LIMIT 1")
    Optional<User> findBySkeleton(String skeleton);

    /** Accounts made before names had skeletons. */
    @SqlQuery(SELECT + "WHERE u.name_skeleton IS NULL")
    List<User> withoutSkeleton();

    @SqlUpdate("UPDATE users SET name_skeleton = :skeleton WHERE id = :id")
    void setSkeleton(long id, String skeleton);

    @SqlQuery(SELECT + "WHERE u.imported_from = :sourceId AND u.imported_name = :importedName")
    Optional<User> findImported(long sourceId, String importedName);

    @SqlUpdate("UPDATE users SET imported_from = :sourceId, imported_name = :importedName WHERE id = :id")
    void markImported(long id, long sourceId, String importedName);

    @SqlQuery("SELECT imported_from AS source_id, imported_name AS name FROM users WHERE id = :id AND imported_from IS NOT NULL")
    @RegisterConstructorMapper(ImportedAccounts.ImportedName.class)
    Optional<ImportedAccounts.ImportedName> importedName(long id);

    @SqlUpdate("UPDATE users SET imported_from = NULL, imported_name = NULL WHERE id = :id")
    void clearImported(long id);

    /** The name of the wiki an imported account's edits came from; empty for accounts made here. */
    @SqlQuery("SELECT s.site_name FROM users u JOIN import_sources s ON s.id = u.imported_from WHERE u.id = :id")
    Optional<String> importedFrom(long id);

    @SqlQuery("SELECT COALESCE(password_hash, '') FROM users WHERE id = :id")
    String passwordHash(long id);

    @SqlUpdate("""
            INSERT INTO users (name, name_key, name_skeleton, display_name, credentials, role, status, password_hash,
                               must_change_password, created_at)
            VALUES (:name, :nameKey, :nameSkeleton, :displayName, :credentials, :role, :status, :passwordHash,
                    :mustChangePassword, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insert(String name, String nameKey, String nameSkeleton, String displayName, String credentials, String role,
                String status, String passwordHash, boolean mustChangePassword, Instant createdAt);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash, must_change_password = :mustChange WHERE id = :id")
    void setPassword(long id, String passwordHash, boolean mustChange);

    @SqlUpdate("UPDATE users SET role = :role WHERE id = :id")
    void setRole(long id, String role);

    @SqlUpdate("UPDATE users SET status = :status WHERE id = :id")
    void setStatus(long id, String status);

    @SqlUpdate("UPDATE users SET display_name = :displayName, credentials = :credentials WHERE id = :id")
    void setProfile(long id, String displayName, String credentials);

    @SqlUpdate("""
            UPDATE users SET blocked_at = :at, blocked_until = :until, block_reason = :reason, blocked_by = :byId
            WHERE id = :id
            """)
    void block(long id, Instant at, Instant until, String reason, long byId);

    @SqlUpdate("UPDATE users SET blocked_at = NULL, blocked_until = NULL, block_reason = NULL, blocked_by = NULL WHERE id = :id")
    void unblock(long id);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE role = 'admin' AND status = 'active'")
    int countActiveAdmins();

    /** Administrators other than {@code exceptId} who can act now: active and not blocked. */
    @SqlQuery("""
            SELECT COUNT(*) FROM users
            WHERE role = 'admin' AND status = 'active' AND id <> :exceptId
              AND (blocked_at IS NULL OR (blocked_until IS NOT NULL AND blocked_until <= :now))
            """)
    int countUsableAdminsExcept(long exceptId, Instant now);

    final class UserMapper implements RowMapper<User> {
        @Override
        public User map(ResultSet rs, StatementContext ctx) throws SQLException {
            long blockedAt = rs.getLong("blocked_at");
            Optional<Block> block = Optional.empty();
            if (!rs.wasNull()) {
                long until = rs.getLong("blocked_until");
                Optional<Instant> blockedUntil = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
                String by = rs.getString("blocked_by_name");
                block = Optional.of(new Block(rs.getString("block_reason"), Instant.ofEpochMilli(blockedAt),
                        blockedUntil, by == null ? "" : by));
            }
            return new User(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"),
                    rs.getString("credentials"), Role.ofKey(rs.getString("role")).orElseThrow(),
                    AccountStatus.ofKey(rs.getString("status")), rs.getBoolean("must_change_password"),
                    block, Instant.ofEpochMilli(rs.getLong("created_at")));
        }
    }
}
