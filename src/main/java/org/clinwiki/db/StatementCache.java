package org.clinwiki.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each handle's prepared statements for the life of the handle, so a transaction that
 * runs the same SQL many times (an import writes thousands of pages in batches) has SQLite
 * compile it once. JDBI's default builder prepares and closes a statement per use, and
 * SQLite's {@code prepare} was a third of the import writer's native time.
 *
 * <p>A statement still in use (a query iterated while the same query runs again inside the
 * loop) is not shared: the second use gets a statement of its own, closed after use.
 */
final class StatementCache implements StatementBuilder {

    static final StatementBuilderFactory FACTORY = connection -> new StatementCache();

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Map<String, PreparedStatement> cached = new HashMap<>();
    private final Set<Statement> inUse = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return plain.create(connection, context);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        String key = key(sql, context);
        PreparedStatement statement = cached.get(key);
        if (statement == null || statement.isClosed()) {
            statement = plain.create(connection, sql, context);
            cached.put(key, statement);
        } else if (inUse.contains(statement)) {
            return plain.create(connection, sql, context);
        }
        inUse.add(statement);
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
        return plain.createCall(connection, sql, context);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (inUse.remove(statement)) {
            // Kept for the next use: only its bindings and any pending batch are dropped.
            PreparedStatement prepared = (PreparedStatement) statement;
            prepared.clearParameters();
            prepared.clearBatch();
        } else {
            plain.close(connection, sql, statement);
        }
    }

    @Override
    public void close(Connection connection) {
        for (PreparedStatement statement : cached.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The handle is closing; a statement that cannot close goes with its connection.
            }
        }
        cached.clear();
        inUse.clear();
    }

    private static String key(String sql, StatementContext context) {
        if (!context.isReturningGeneratedKeys() && !context.isConcurrentUpdatable()) {
            return sql;
        }
        return sql + '\0' + context.isReturningGeneratedKeys() + Arrays.toString(context.getGeneratedKeysColumnNames())
                + context.isConcurrentUpdatable();
    }
}
