package org.clinwiki.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of its own, outside the pool, that LISTENs for page changes committed by any
 * node and wakes this node's followers. Only a hint: a notification sent while the connection
 * was down is lost, so followers keep polling, and after every (re)connect they are woken once
 * to catch up unconditionally. LISTEN needs the primary (a standby refuses it).
 */
final class ChangeListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final long RECONNECT_MILLIS = 1_000;

    private final PostgresUrl url;
    private final String channel;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Connection connection;

    private ChangeListener(PostgresUrl url, String channel, Runnable wake) {
        this.url = url;
        this.channel = channel;
        this.wake = wake;
        this.thread = Thread.ofPlatform().daemon().name("clinwiki-change-listener").unstarted(this::run);
    }

    static ChangeListener start(PostgresUrl url, String channel, Runnable wake) {
        ChangeListener listener = new ChangeListener(url, channel, wake);
        listener.thread.start();
        return listener;
    }

    private void run() {
        boolean warned = false;
        while (!closing) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                if (warned) {
                    log.info("Listening for page changes again");
                    warned = false;
                }
                wake.run();
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (!closing) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closing && !warned) {
                    log.warn("Not listening for page changes ({}); followers poll until the database answers again", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = PostgresPool.driverProperties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        // getNotifications blocks in the socket; it must never hit the socket timeout.
        properties.setProperty("socketTimeout", "0");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    @Override
    public void close() {
        closing = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // Closing anyway; the thread ends on the next failure or wait.
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
