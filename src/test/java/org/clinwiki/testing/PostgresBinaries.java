package org.clinwiki.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL's server programs, how to run them, and new clusters made with them. Found through
 * {@code $CLINWIKI_PG_BIN}, else the newest Debian {@code /usr/lib/postgresql/N/bin}, else
 * {@code pg_config --bindir}. They refuse to run as root, so as root they run as the user postgres.
 */
record PostgresBinaries(Path bin) {

    static PostgresBinaries find() {
        String configured = System.getenv("CLINWIKI_PG_BIN");
        boolean isConfigured = configured != null && !configured.isBlank();
        Optional<Path> found = isConfigured ? Optional.of(Path.of(configured))
                : newestDebianVersion().or(PostgresBinaries::pgConfigBindir);
        return found.filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                .map(PostgresBinaries::new)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL tests need the server programs (initdb, pg_ctl, postgres): "
                        + "install Debian's postgresql package (apt-get install postgresql; .ci/run does this), "
                        + "or set CLINWIKI_PG_BIN to the directory holding them"
                        + (isConfigured ? " (it is " + configured + ", which lacks initdb or postgres)" : "")));
    }

    /** The command line that runs one of the programs, as the user postgres when we are root. */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // setpriv execs where runuser forks: the postmaster stays our own child, and nothing in between
            // mirrors its SIGSTOP (runuser stops itself with its child, racing PostgresServer.resume()'s SIGCONT).
            command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Makes a new cluster in {@code data} (inside {@code dir}, which becomes the servers' own), with
     * an ICU en-US default collation and the settings the tests run with.
     */
    void initdb(Path data, Path dir) {
        own(dir);
        // --no-sync: the files need only survive a killed server, not a lost machine, and the page cache does that.
        Processes.Result initdb = Processes.run(command("initdb", "-D", data.toString(), "-U", "postgres", "-E", "UTF8",
                "-A", "trust", "--locale-provider=icu", "--icu-locale=en-US", "--lc-messages=C", "--no-sync"), Duration.ofSeconds(120));
        if (initdb.exit() != 0) {
            boolean icu = initdb.output().toLowerCase().contains("icu") || initdb.output().contains("locale-provider");
            throw new IllegalStateException((icu ? "initdb could not make a cluster with an ICU default collation "
                    + "(tests need PostgreSQL 15 or newer built with ICU, as Debian's is)" : "initdb failed") + ":\n" + initdb.output());
        }
        String settings = """

                # Set by org.clinwiki.testing.PostgresServer; the port is on the command line (-p).
                listen_addresses = '127.0.0.1'
                # Not /var/run/postgresql, which may be missing or not ours.
                unix_socket_directories = '%s'
                fsync = on
                synchronous_commit = on
                max_connections = 200
                shared_buffers = 64MB
                wal_level = replica
                max_wal_senders = 4
                """.formatted(dir);
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As root, the servers run as the user postgres, and must be able to write in their directory. */
    private static void own(Path directory) {
        if (!isRoot()) {
            return;
        }
        try {
            Files.setOwner(directory, directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        } catch (IOException e) {
            throw new IllegalStateException("as root, PostgreSQL tests run the server as the user postgres, which is missing", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Optional<Path> newestDebianVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparing(v -> Runtime.Version.parse(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> pgConfigBindir() {
        Processes.Result result = Processes.run(List.of("pg_config", "--bindir"), Duration.ofSeconds(10));
        return result.exit() == 0 ? Optional.of(Path.of(result.output().strip())) : Optional.empty();
    }
}
