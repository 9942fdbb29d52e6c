package org.clinwiki.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway PostgreSQL cluster in a temporary directory, run by the server programs
 * {@link PostgresBinaries} finds. Its default collation is ICU {@code en-US} on purpose: in a
 * linguistic order, a column that needs {@code COLLATE "C"} and lacks it shows up in tests.
 * Superuser {@code postgres}, trust login, fsync on. The cluster is stopped and its directory
 * removed on {@link #close()}, or when the JVM exits.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The cluster tests share; started by the first {@link #shared()}, stopped when the JVM exits. */
    private static PostgresServer shared;

    private final PostgresBinaries binaries;
    private final Path dir;
    private final Path data;
    private final Path log;
    private final boolean isShared;
    private final Thread shutdownHook = new Thread(this::shutDown, "stop PostgreSQL");
    private final AtomicInteger databases = new AtomicInteger();
    private volatile int port;
    private volatile Process postmaster;
    private volatile boolean paused;
    private boolean closed;

    private PostgresServer(PostgresBinaries binaries, Path dir, boolean isShared) {
        this.binaries = binaries;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("server.log");
        this.isShared = isShared;
    }

    /** A new cluster of the caller's own, which it may also stop, kill or pause. */
    public static PostgresServer start() {
        return start(false);
    }

    /** The cluster all tests in this JVM may use, each in databases of its own; it cannot be stopped or closed. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(true);
        }
        return shared;
    }

    private static PostgresServer start(boolean isShared) {
        PostgresBinaries binaries = PostgresBinaries.find();
        PostgresServer server;
        try {
            server = new PostgresServer(binaries, Files.createTempDirectory("clinwiki-pg-"), isShared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Registered before anything runs, so that not even a failed start leaves a process or directory behind.
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            binaries.initdb(server.data, server.dir);
            server.firstStart();
            return server;
        } catch (RuntimeException | Error e) {
            server.shutDown();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DB?user=postgres} */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** {@code postgresql://postgres@127.0.0.1:PORT/DB}, the form Clinwiki's {@code --database} takes. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The postmaster's process id (the backends are its children), or -1 when it does not run: for benchmarks that read its CPU time. */
    public long pid() {
        return running().map(ProcessHandle::pid).orElse(-1L);
    }

    /** The server's log (its stderr), for tests that check what it said, about a crash for example. */
    public Path logFile() {
        return log;
    }

    Path directory() {
        return dir;
    }

    /** A new superuser connection; an attempt that gets no answer gives up after five seconds rather than hanging. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates an empty database with a name no other test has, and returns the name. */
    public String createDatabase() {
        String name = newDatabaseName();
        maintenance("CREATE DATABASE " + quote(name));
        return name;
    }

    /**
     * A copy of {@code template} (which nobody may be connected to) under a new name, quicker than
     * migrating again. The default strategy, WAL_LOG: FILE_COPY makes two checkpoints, and with fsync on
     * copying a 60-table schema took 1.4 s that way against 0.1 s.
     */
    public String createDatabaseFrom(String template) {
        String name = newDatabaseName();
        maintenance("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template));
        return name;
    }

    /** Drops a database; WITH (FORCE) ends its sessions in the same step, so a pool cannot reconnect in between. */
    public void dropDatabase(String name) {
        maintenance("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    /** Stops the server cleanly: a fast shutdown ends sessions and writes a checkpoint. */
    public void stop() {
        requireOwn("stop");
        resumeIfPaused();
        Processes.Result stopped = pgCtlStop("fast");
        if (stopped.exit() != 0) {
            throw new IllegalStateException("pg_ctl stop failed:\n" + stopped.output() + "\nserver log:\n" + Processes.tail(log, 40));
        }
    }

    /**
     * Kills the postmaster with SIGKILL, as a crash would, and waits until its backends have noticed
     * and exited: one that lingered would keep the old shared memory, and the next start would refuse
     * to run beside it.
     */
    public void kill9() {
        requireOwn("kill9");
        resumeIfPaused();
        ProcessHandle handle = running().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<ProcessHandle> backends = handle.descendants().toList();
        handle.destroyForcibly();
        Processes.awaitExit(List.of(handle), Duration.ofSeconds(10));
        if (!Processes.awaitExit(backends, Duration.ofSeconds(10))) {
            backends.forEach(ProcessHandle::destroyForcibly);
            Processes.awaitExit(backends, Duration.ofSeconds(10));
        }
    }

    /** Starts the same data directory on the same port again; after {@link #kill9()} this is crash recovery. */
    public void startAgain() {
        requireOwn("startAgain");
        launch();
    }

    public void restart() {
        stop();
        startAgain();
    }

    /**
     * Freezes the postmaster and all its backends (SIGSTOP): the kernel still accepts connections but
     * nothing answers, as with a server that hangs rather than dies.
     */
    public void pause() {
        requireOwn("pause");
        ProcessHandle handle = running().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        paused = true;
        Processes.signalTree("-STOP", handle);
    }

    public void resume() {
        requireOwn("resume");
        resumeIfPaused();
    }

    /** Stops the cluster and removes its directory. The shared cluster is stopped only when the JVM exits. */
    @Override
    public void close() {
        if (isShared) {
            throw new IllegalStateException("PostgresServer.shared() is stopped when the JVM exits; do not close it");
        }
        shutDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // The JVM is exiting; the hook finds the server closed.
        }
    }

    private synchronized void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            resumeIfPaused();
            // Immediate: no shutdown checkpoint, as the files are deleted next.
            running().ifPresent(handle -> {
                if (pgCtlStop("immediate").exit() != 0) {
                    Processes.killTree(handle);
                }
            });
        } finally {
            Processes.deleteRecursively(dir);
        }
    }

    /** Starts on a free port; another process can take the port between looking and binding, so that is tried again. */
    private void firstStart() {
        for (int attempt = 1; ; attempt++) {
            port = Processes.freePort();
            try {
                launch();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs the postmaster as our own child rather than through {@code pg_ctl start}, whose server init
     * adopts: a killed postmaster then stays a zombie until init gets round to reaping it (seconds, on
     * some machines), and meanwhile a new start takes postmaster.pid for a live server's and refuses.
     * Returns once a JDBC login works.
     */
    private void launch() {
        try {
            postmaster = new ProcessBuilder(binaries.command("postgres", "-D", data.toString(), "-p", String.valueOf(port)))
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                connect("postgres").close();
                return;
            } catch (SQLException e) {
                if (!postmaster.isAlive() || System.nanoTime() > deadline) {
                    String what = postmaster.isAlive() ? "takes no connections: " + e.getMessage() : "exited (" + postmaster.exitValue() + ")";
                    throw new IllegalStateException("PostgreSQL " + what + "; server log:\n" + Processes.tail(log, 40), e);
                }
                Processes.sleep(50);
            }
        }
    }

    /** Shuts the server down, waiting until the postmaster has exited. */
    private Processes.Result pgCtlStop(String mode) {
        Processes.Result result = Processes.run(binaries.command("pg_ctl", "-D", data.toString(), "-w", "-t",
                String.valueOf(WAIT.toSeconds()), "stop", "-m", mode), WAIT.plusSeconds(10));
        if (result.exit() == 0 && postmaster != null) {
            Processes.awaitExit(List.of(postmaster.toHandle()), WAIT);
        }
        return result;
    }

    /** The postmaster if it runs. */
    private Optional<ProcessHandle> running() {
        return Optional.ofNullable(postmaster).map(Process::toHandle).filter(Processes::running);
    }

    private void resumeIfPaused() {
        if (paused) {
            running().ifPresent(handle -> Processes.signalTree("-CONT", handle));
            paused = false;
        }
    }

    private void requireOwn(String action) {
        if (isShared) {
            throw new IllegalStateException(action + " would break other tests that use PostgresServer.shared(); "
                    + "use a PostgresServer.start() of the test's own");
        }
    }

    private void maintenance(String sql) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private String newDatabaseName() {
        return "t_" + databases.incrementAndGet() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
