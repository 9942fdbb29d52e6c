package org.clinwiki.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinwiki.Config;
import org.clinwiki.db.Database;

/**
 * Which database the wikis of a test run live in. By default SQLite in each test's data
 * directory. With {@code -Dclinwiki.test.database=postgresql} every data directory a test opens
 * gets a schema of its own in one database of a throwaway PostgreSQL cluster
 * ({@link PostgresServer#shared()}), so the same tests run against both databases; opening the
 * same data directory again opens the same schema, as reopening a SQLite file would.
 */
public final class TestDatabases {

    public static final String PROPERTY = "clinwiki.test.database";
    private static final String DATABASE = "clinwiki_tests";

    private static final Map<Path, String> URLS = new ConcurrentHashMap<>();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static volatile boolean databaseCreated;

    private TestDatabases() {
    }

    /** Whether this run's wikis live in PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(PROPERTY, ""));
    }

    /** The default settings, with the data directory and, in a PostgreSQL run, that directory's database. */
    public static Config config(Path dataDir) {
        return Config.defaults().withDataDir(dataDir).withDatabase(databaseFor(dataDir));
    }

    /** The {@code --database} URL for a wiki in {@code dataDir}: empty (SQLite there) unless this is a PostgreSQL run. */
    public static String databaseFor(Path dataDir) {
        if (!postgres()) {
            return "";
        }
        return URLS.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> newSchema());
    }

    /** A new, empty PostgreSQL database URL of the shared test cluster, whatever this run's default. */
    public static String newPostgresDatabase() {
        return newSchema();
    }

    /**
     * A plain JDBC connection to the wiki in {@code dataDir}, beside the server's own: for tests that
     * look at what is stored, or change it behind the server's back.
     */
    public static Connection connect(Path dataDir) throws SQLException {
        String url = databaseFor(dataDir);
        return DriverManager.getConnection(url.isEmpty() ? "jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME) : url);
    }

    /**
     * Takes the lock every write of the wiki waits for, on {@code connection} from {@link #connect},
     * until that connection rolls back: SQLite's write lock, or on PostgreSQL the page-change counter row.
     */
    public static void holdWriteLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
                statement.execute("BEGIN IMMEDIATE");
            } else {
                connection.setAutoCommit(false);
                statement.execute("SELECT value FROM sequences WHERE name = 'page_changes' FOR UPDATE");
            }
        }
    }

    /** Ends what {@link #holdWriteLock} began. */
    public static void releaseWriteLock(Connection connection) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            }
        } else {
            connection.rollback();
        }
    }

    private static String newSchema() {
        PostgresServer server = PostgresServer.shared();
        ensureDatabase(server);
        // Unique across processes too, for a server that outlives one test run.
        String schema = "wiki_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute(server.jdbcUrl(DATABASE), "CREATE SCHEMA " + schema);
        return server.jdbcUrl(DATABASE) + "&currentSchema=" + schema;
    }

    private static synchronized void ensureDatabase(PostgresServer server) {
        if (!databaseCreated) {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
                 Statement statement = connection.createStatement();
                 var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database: " + e.getMessage(), e);
            }
            databaseCreated = true;
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database (" + sql + "): " + e.getMessage(), e);
        }
    }
}
