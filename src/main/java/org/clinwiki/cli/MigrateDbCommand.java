package org.clinwiki.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.clinwiki.db.CopyFailedException;
import org.clinwiki.db.CopyProgress;
import org.clinwiki.db.CopySummary;
import org.clinwiki.db.Database;
import org.clinwiki.db.DatabaseCopy;
import org.clinwiki.db.PostgresUrl;
import org.clinwiki.error.DatabaseUnavailableException;
import org.clinwiki.page.PageText;
import org.clinwiki.search.IndexHold;
import org.clinwiki.search.SearchIndexLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate-db", description = {
        "Copy a wiki from SQLite (DIR/clinwiki.db) into an empty PostgreSQL database with all its history, and check the copy.",
        "Stop the server first. Nothing is written to the target unless the whole copy succeeds."})
final class MigrateDbCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private static final double MB = 1024 * 1024;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "Data directory of the SQLite wiki (holding clinwiki.db).")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The new, empty PostgreSQL database: postgresql://USER:PASSWORD@HOST:PORT/DB or a jdbc:postgresql: URL.")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = from.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("There is no wiki in " + from + ": " + file + " does not exist. "
                    + "--from names the data directory of the SQLite wiki to copy.");
        }
        PostgresUrl url;
        try {
            url = PostgresUrl.parse(to);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        // Held while copying: a server running on the SQLite wiki, or started meanwhile, would write what the copy misses.
        Closeable serverStopped;
        try {
            serverStopped = IndexHold.of(from);
        } catch (SearchIndexLockedException e) {
            throw new CommandFailedException(e.getMessage());
        }
        CopySummary summary;
        try (serverStopped; Database source = Database.open(from, 1); Database target = openTarget(url)) {
            summary = new DatabaseCopy(source, target, PageText::sha1).run(new Progress(err));
        } catch (DatabaseUnavailableException e) {
            throw new CommandFailedException(e.getMessage());
        } catch (CopyFailedException e) {
            throw new CommandFailedException(e.getMessage() + " Nothing was written to " + url.jdbcUrl()
                    + ": the copy is one transaction, rolled back; once the cause is mended, run migrate-db again.");
        }
        report(out, summary, url);
        return 0;
    }

    private static Database openTarget(PostgresUrl url) {
        try {
            return Database.openPostgres(url, 1);
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // Flyway's own complaint, such as a database holding tables of something else.
            throw new CommandFailedException("Cannot prepare the Clinwiki schema in " + url.jdbcUrl() + ": " + e.getMessage());
        }
    }

    private void report(PrintWriter out, CopySummary summary, PostgresUrl url) {
        double seconds = summary.elapsed().toNanos() / 1e9;
        out.printf("Copied %d tables, %,d rows (%.1f MB) from %s into %s in %.1f s (%,.0f rows/s, %.1f MB/s).%n",
                summary.tables().size(), summary.rows(), summary.bytes() / MB, from.resolve(Database.FILE_NAME), url.jdbcUrl(), seconds,
                summary.rowsPerSecond(), summary.bytes() / MB / Math.max(seconds, 1e-9));
        out.println("Rows: " + summary.tables().entrySet().stream()
                .map(table -> table.getKey() + " " + String.format("%,d", table.getValue())).collect(Collectors.joining(", ")) + ".");
        out.printf("Checked: every table's row count, %,d revisions' SHA-1 and %,d files' SHA-256 recomputed from the copy. "
                + "Page changes: %,d.%n", summary.revisionsVerified(), summary.filesVerified(), summary.pageChanges());
        if (summary.nulsRemoved() > 0) {
            out.printf("Left out %,d U+0000 characters from text: PostgreSQL cannot store them (Clinwiki drops them from new text too).%n",
                    summary.nulsRemoved());
        }
        out.println("Next: start each node with --database " + url.jdbcUrl() + " (and its user and password); each builds its "
                + "search index on its first start, or copy " + from.resolve("index") + " to a node's data directory first.");
        if (Files.exists(from.resolve("synonyms.txt"))) {
            out.println("The synonym list a server last stored from " + from.resolve("synonyms.txt") + " came along; if the file "
                    + "changed since, start one node with it in its data directory to share it.");
        }
    }

    /** One line per second on the error stream (and one as each table completes), as the other long commands do. */
    private static final class Progress implements java.util.function.Consumer<CopyProgress> {
        private final PrintWriter err;
        private long lastShown;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void accept(CopyProgress progress) {
            long now = System.nanoTime();
            boolean last = progress.tableComplete() && progress.tableDone() > 0;
            if (!last && now - lastShown < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastShown = now;
            if (progress.step() == CopyProgress.Step.VERIFYING) {
                err.printf("verified %,d of %,d revisions%n", progress.tableDone(), progress.tableTotal());
            } else {
                err.printf("copied %,d of %,d rows of %s; %,d of %,d rows in all (%.0f%%), %,.0f rows/s, %.1f MB/s%n",
                        progress.tableDone(), progress.tableTotal(), progress.table(), progress.done(), progress.total(),
                        progress.total() == 0 ? 100 : 100.0 * progress.done() / progress.total(), progress.rowsPerSecond(),
                        progress.bytesPerSecond() / MB);
            }
            err.flush();
        }
    }
}
