package org.clinwiki.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.clinwiki.error.DatabaseUnavailableException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;

/**
 * The wiki's database: by default SQLite in the data directory, or PostgreSQL shared by several
 * nodes. The schema is migrated by Flyway on open, from the migrations of that database.
 *
 * <p>SQLite: one writer connection and a small pool of read-only connections, both in WAL mode.
 * Write transactions begin IMMEDIATE, so concurrent read-then-write transactions queue for the
 * lock instead of failing with SQLITE_BUSY; {@code synchronous=FULL} syncs every commit to disk
 * before it returns, so an acknowledged commit survives the process being killed.
 *
 * <p>PostgreSQL: one pool at READ COMMITTED. Every write transaction first locks the page-change
 * counter row, so writes are serialised across every node exactly as SQLite serialises them in
 * one process: two saves of one page through two nodes cannot both pass the base-revision check,
 * and change numbers (and revision ids) commit in the order they were taken, which the search
 * index's followers rely on. A write that moved the counter notifies {@value #CHANGES_CHANNEL}
 * at commit (a trigger in the schema), to wake other nodes' followers sooner than their poll. Thread-safe.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "clinwiki.db";

    /** The channel page changes are announced on (PostgreSQL); a hint only, followers also poll. */
    public static final String CHANGES_CHANNEL = "page_changes";

    // Flyway placeholder: SQLite's auto-increment key.
    private static final Map<String, String> SQLITE_PLACEHOLDERS = Map.of("id", "INTEGER PRIMARY KEY");

    private static final int WRITER_CACHE_KIB = 16 * 1024;
    private static final int READER_CACHE_KIB = 2 * 1024;

    // Never a SEQUENCE: its numbers commit out of order, and a follower would skip the late one.
    private static final String LOCK_CHANGES = "SELECT value FROM sequences WHERE name = 'page_changes' FOR UPDATE";

    private final Dialect dialect;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    private final Jdbi writer;
    private final Jdbi reader;
    private final PostgresUrl postgres;

    private Database(Dialect dialect, HikariDataSource writePool, HikariDataSource readPool, PostgresUrl postgres) {
        this.dialect = dialect;
        this.writePool = writePool;
        this.readPool = readPool;
        this.writer = configure(Jdbi.create(writePool));
        this.reader = readPool == writePool ? writer : configure(Jdbi.create(readPool));
        this.postgres = postgres;
    }

    /** The databases Clinwiki runs on. */
    public enum Dialect { SQLITE, POSTGRESQL }

    /**
     * Opens the wiki's database: SQLite in {@code dataDir} when {@code url} is empty, else the
     * PostgreSQL database it names; creates and migrates its schema as needed.
     *
     * @throws IllegalArgumentException if {@code url} is not a PostgreSQL URL
     * @throws DatabaseUnavailableException if PostgreSQL cannot be reached
     */
    public static Database open(String url, Path dataDir, int readConnections) {
        if (url == null || url.isBlank()) {
            return open(dataDir, readConnections);
        }
        return openPostgres(PostgresUrl.parse(url), readConnections);
    }

    /** Opens (creating if needed) the SQLite database in {@code dataDir} and migrates its schema. */
    public static Database open(Path dataDir, int readConnections) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
        // The writer's page cache is larger than SQLite's 2 MB default so a batch of imported
        // pages (revisions, links, categories) does not spill to the log before its commit.
        HikariDataSource writePool = SqlitePool.open("clinwiki-write", url, SQLiteConfig.TransactionMode.IMMEDIATE, 1,
                WRITER_CACHE_KIB, null);
        try {
            Flyway.configure()
                    .dataSource(writePool)
                    .locations("classpath:db/migration")
                    .placeholders(SQLITE_PLACEHOLDERS)
                    .load()
                    .migrate();
            HikariDataSource readPool = SqlitePool.open("clinwiki-read", url, SQLiteConfig.TransactionMode.DEFERRED,
                    readConnections, READER_CACHE_KIB, "PRAGMA query_only = ON");
            return new Database(Dialect.SQLITE, writePool, readPool, null);
        } catch (RuntimeException e) {
            writePool.close();
            throw e;
        }
    }

    /**
     * Opens the PostgreSQL database at {@code url} and migrates its schema. Nodes starting at
     * once on an empty database are safe: Flyway migrates under an advisory lock, the others wait.
     */
    public static Database openPostgres(PostgresUrl url, int readConnections) {
        HikariDataSource pool;
        try {
            pool = PostgresPool.open(url, readConnections);
        } catch (RuntimeException e) {
            throw DatabaseUnavailableException.cannotConnect("PostgreSQL at " + url.jdbcUrl(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/postgresql")
                    .load()
                    .migrate();
            return new Database(Dialect.POSTGRESQL, pool, pool, url);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in a write transaction and commits it; an exception rolls it back. Writers
     * queue: on SQLite for the one writer connection, on PostgreSQL for the page-change counter row.
     */
    public <R> R write(Function<Transaction, R> work) {
        if (dialect == Dialect.SQLITE) {
            return writer.inTransaction(handle -> work.apply(new Transaction(handle)));
        }
        return writer.inTransaction(handle -> {
            // The notification is the schema's: a trigger on the counter row sends it at commit.
            handle.createQuery(LOCK_CHANGES).mapTo(Long.class).one();
            return work.apply(new Transaction(handle));
        });
    }

    /**
     * A write that changes no page (a rate-limit bucket): on PostgreSQL it does not queue for the
     * page-change lock behind saves; on SQLite it is an ordinary {@link #write}.
     */
    public <R> R writeAside(Function<Transaction, R> work) {
        if (dialect == Dialect.SQLITE) {
            return write(work);
        }
        return writer.inTransaction(handle -> work.apply(new Transaction(handle)));
    }

    /** {@link #write} for work that returns nothing. */
    public void update(Consumer<Transaction> work) {
        write(transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    /** Runs {@code work} on a read-only connection from the pool; it never blocks the writer. */
    public <R> R read(Function<Transaction, R> work) {
        return reader.withHandle(handle -> work.apply(new Transaction(handle)));
    }

    /** {@link #read} with one store. */
    public <S, R> R read(Class<S> store, Function<S, R> work) {
        return reader.withExtension(store, work::apply);
    }

    /**
     * Runs {@code work} while holding a lock no other node holds at the same time (PostgreSQL's
     * advisory lock {@code key}; on SQLite, the process's own writer), for one-time work such as
     * seeding a new wiki that must happen once however many nodes start together.
     */
    public <R> R exclusively(long key, java.util.function.Supplier<R> work) {
        if (dialect == Dialect.SQLITE) {
            synchronized (this) {
                return work.get();
            }
        }
        return writer.withHandle(handle -> {
            handle.createQuery("SELECT pg_advisory_lock(:key)").bind("key", key).mapTo(String.class).findOne();
            try {
                return work.get();
            } finally {
                handle.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", key).mapTo(Boolean.class).findOne();
            }
        });
    }

    /** Whether the database answers a trivial query now. */
    public boolean reachable() {
        try {
            return reader.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Listens for page changes committed by any node (PostgreSQL) and runs {@code wake} for each,
     * and after every reconnect; on SQLite there are no other nodes and this returns a no-op.
     */
    public AutoCloseable listenForChanges(Runnable wake) {
        if (dialect == Dialect.SQLITE) {
            return () -> { };
        }
        return ChangeListener.start(postgres, CHANGES_CHANNEL, wake);
    }

    /** The writer's Jdbi, for this package's own tests of statements. */
    Jdbi writer() {
        return writer;
    }

    /** The readers' Jdbi, for this package's own tests of statements. */
    Jdbi reader() {
        return reader;
    }

    @Override
    public void close() {
        if (readPool != writePool) {
            readPool.close();
        }
        writePool.close();
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.setStatementBuilderFactory(StatementCache.FACTORY);
        // Instants are stored as epoch milliseconds: portable, sortable, and free of driver date quirks.
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerArgument(new TextArgumentFactory());
        return jdbi;
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }

    /**
     * Text goes in without U+0000, which PostgreSQL refuses in text and no wiki text needs: a user
     * name or summary typed with one is stored (and looked up) without it on either database.
     */
    private static final class TextArgumentFactory extends AbstractArgumentFactory<String> {
        TextArgumentFactory() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(String value, ConfigRegistry config) {
            String text = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
            return (position, statement, ctx) -> statement.setString(position, text);
        }
    }
}
