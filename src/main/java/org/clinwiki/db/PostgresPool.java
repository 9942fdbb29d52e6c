package org.clinwiki.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;

/**
 * The connection pool of a node on PostgreSQL, with the timeouts that keep one slow or vanished
 * server from holding requests: a connection is waited for at most a few seconds, a lock at most
 * five, a statement at most a minute; then the request answers 503 and the client may retry.
 */
final class PostgresPool {

    static final int CONNECT_TIMEOUT_SECONDS = 5;

    // Per session, whatever the server's defaults: waiting on another node's write is bounded, and a
    // transaction left open by a stalled client cannot hold the page-change lock for long.
    private static final String SESSION_SETTINGS = "SET lock_timeout = '5s'; SET statement_timeout = '60s'; "
            + "SET idle_in_transaction_session_timeout = '120s'";

    private PostgresPool() {
    }

    static HikariDataSource open(PostgresUrl url, int readConnections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("clinwiki-postgresql");
        config.setJdbcUrl(url.jdbcUrl());
        if (!url.user().isEmpty()) {
            config.setUsername(url.user());
        }
        if (!url.password().isEmpty()) {
            config.setPassword(url.password());
        }
        driverProperties().forEach((key, value) -> config.addDataSourceProperty((String) key, value));
        // Readers and writers share the pool; writers mostly wait on the counter row, not for connections.
        config.setMaximumPoolSize(Math.max(8, readConnections * 2 + 2));
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        config.setValidationTimeout(2_000);
        config.setConnectionInitSql(SESSION_SETTINGS);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    /** What every connection of a node sets unless its URL says otherwise. */
    static Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "clinwiki");
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        // Longer than statement_timeout: a server that stopped answering altogether frees the thread.
        properties.setProperty("socketTimeout", "90");
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }
}
