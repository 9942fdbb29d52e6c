package org.clinwiki.db;

import static org.clinwiki.db.TargetSchema.quote;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Copies a wiki's database from SQLite into an empty PostgreSQL database, every table and row
 * with its id, so that nothing of its history is lost; then checks the copy.
 *
 * <p>All of it is one transaction on the target: a copy that fails, or whose check finds a
 * difference, leaves the target empty, and can simply be run again. PostgreSQL holds a
 * transaction of any size; the wait is only the copy's own. The source is read in one read
 * transaction, so the copy is of one moment of it even if something writes meanwhile (nothing
 * should: the copy is of what was there when it began).
 */
public final class DatabaseCopy {

    // The page-change counter: the one table a new schema fills, and the row every write of a
    // node locks, so locking it keeps nodes from writing into the copy.
    private static final String COUNTERS = "sequences";

    private final Database source;
    private final Database target;
    private final UnaryOperator<String> revisionSha1;

    /**
     * @param source        the SQLite wiki, migrated to the current schema
     * @param target        the PostgreSQL database, migrated to the current schema and empty
     * @param revisionSha1  how a revision's {@code sha1} is computed from its text
     */
    public DatabaseCopy(Database source, Database target, UnaryOperator<String> revisionSha1) {
        if (source.dialect() != Database.Dialect.SQLITE || target.dialect() != Database.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("Copies from SQLite into PostgreSQL only");
        }
        this.source = source;
        this.target = target;
        this.revisionSha1 = revisionSha1;
    }

    /**
     * Copies and checks, and commits only if every check passed.
     *
     * @throws CopyFailedException if the target is not empty, the two schemas differ, a row cannot
     *                             be copied or the check finds a difference; the target is left as it was
     */
    public CopySummary run(Consumer<CopyProgress> progress) {
        long start = System.nanoTime();
        try {
            return source.reader().inTransaction(from -> target.writer().inTransaction(to ->
                    new Run(from.getConnection(), to.getConnection(), progress, start).copy()));
        } catch (SQLException e) {
            throw new CopyFailedException(describe(e), e);
        }
    }

    /** The database's own words: for a batch, the statement's error rather than the batch's (which quotes every value). */
    private static String describe(SQLException e) {
        SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(cause.getMessage()).strip();
        return message.length() > 1_000 ? message.substring(0, 1_000) + "…" : message;
    }

    /** One copy: the two connections, each inside its transaction. */
    private final class Run {
        private final Connection from;
        private final Connection to;
        private final Consumer<CopyProgress> progress;
        private final long start;

        Run(Connection from, Connection to, Consumer<CopyProgress> progress, long start) {
            this.from = from;
            this.to = to;
            this.progress = progress;
            this.start = start;
        }

        CopySummary copy() throws SQLException {
            execute("LOCK TABLE " + COUNTERS + " IN EXCLUSIVE MODE");
            // A node's limits are for requests; this transaction's statements (a count, the files'
            // hashes) take as long as the wiki is big, and it waits on the source between them.
            execute("SET LOCAL statement_timeout = 0");
            execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            // The pool's socket timeout would cut off a statement that answers only when done,
            // such as hashing every stored file; an hour still notices a server that vanished.
            to.setNetworkTimeout(Runnable::run, (int) Duration.ofHours(1).toMillis());
            List<TargetSchema.Table> tables = TargetSchema.read(to);
            requireEmpty(tables);
            requireSameTables(tables);
            Map<String, Long> totals = new LinkedHashMap<>();
            for (TargetSchema.Table table : tables) {
                totals.put(table.name(), CopyCheck.count(from, table.name()));
            }
            Tally tally = new Tally(totals.values().stream().mapToLong(Long::longValue).sum());
            execute("DELETE FROM " + COUNTERS);
            Map<String, Long> copied = new LinkedHashMap<>();
            for (TargetSchema.Table table : tables) {
                copied.put(table.name(), copyTable(table, totals.get(table.name()), tally));
            }
            advanceIdentities(tables);

            CopyCheck check = new CopyCheck(from, to);
            check.counts(tables);
            long revisionTotal = totals.getOrDefault("revisions", 0L);
            long revisions = check.revisions(revisionSha1, checked ->
                    report(CopyProgress.Step.VERIFYING, "revisions", checked, revisionTotal, tally));
            long files = check.files();
            if (!check.mismatches().isEmpty()) {
                throw new CopyFailedException("The copy differs from the source: " + String.join("; ", check.mismatches()) + ".");
            }
            // Planner statistics now, rather than whenever autovacuum comes by: the first requests find them.
            execute("ANALYZE " + String.join(", ", tables.stream().map(table -> quote(table.name())).toList()));
            return new CopySummary(copied, tally.bytes, revisions, files, pageChanges(), tally.nuls, elapsed());
        }

        /** Copies one table, reporting each batch; returns its rows. */
        private long copyTable(TargetSchema.Table table, long total, Tally tally) {
            long[] done = {0};
            report(CopyProgress.Step.COPYING, table.name(), 0, total, tally);
            try {
                TableCopier.Copied result = new TableCopier(from, to).copy(table, (rows, bytes) -> {
                    done[0] += rows;
                    tally.rows += rows;
                    tally.bytes += bytes;
                    report(CopyProgress.Step.COPYING, table.name(), done[0], Math.max(total, done[0]), tally);
                });
                tally.nuls += result.nulsRemoved();
                return result.rows();
            } catch (SQLException e) {
                throw new CopyFailedException("Copying " + table.name() + " failed: " + describe(e), e);
            }
        }

        private void report(CopyProgress.Step step, String table, long tableDone, long tableTotal, Tally tally) {
            progress.accept(new CopyProgress(step, table, tableDone, tableTotal, tally.rows, tally.total, tally.bytes, elapsed()));
        }

        /**
         * Refuses a target that holds anything its migrations did not put there: it would be mixed
         * in or lost. The counters are the exception: migrations that move pages count a change
         * even on an empty database, and without pages a counter holds nothing to lose.
         */
        private void requireEmpty(List<TargetSchema.Table> tables) throws SQLException {
            Set<String> holding = new TreeSet<>();
            for (TargetSchema.Table table : tables) {
                if (!table.name().equals(COUNTERS) && exists("SELECT 1 FROM " + quote(table.name()) + " LIMIT 1")) {
                    holding.add(table.name());
                }
            }
            if (!holding.isEmpty()) {
                throw new CopyFailedException("The target database is not empty (" + String.join(", ", holding) + " hold rows). "
                        + "migrate-db copies into a new, empty database only; no node may have been started on it.");
            }
        }

        /** Refuses when the source has a table or column the target lacks, or the other way round: nothing may be left behind. */
        private void requireSameTables(List<TargetSchema.Table> tables) throws SQLException {
            Set<String> sourceTables = new TreeSet<>();
            try (Statement statement = from.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
                while (rows.next()) {
                    sourceTables.add(rows.getString(1));
                }
            }
            sourceTables.remove(TargetSchema.FLYWAY_HISTORY);
            Set<String> targetTables = new TreeSet<>();
            for (TargetSchema.Table table : tables) {
                targetTables.add(table.name());
                Set<String> sourceColumns = new TreeSet<>();
                try (PreparedStatement statement = from.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                    statement.setString(1, table.name());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            sourceColumns.add(rows.getString(1));
                        }
                    }
                }
                Set<String> targetColumns = new TreeSet<>(table.columns().stream().map(TargetSchema.Column::name).toList());
                if (sourceTables.contains(table.name()) && !sourceColumns.equals(targetColumns)) {
                    throw new CopyFailedException("The table " + table.name() + " has the columns " + sourceColumns + " in the source but "
                            + targetColumns + " in the target; were they made by different versions of Clinwiki?");
                }
            }
            if (!sourceTables.equals(targetTables)) {
                throw new CopyFailedException("The source has the tables " + sourceTables + ", the target " + targetTables
                        + "; were they made by different versions of Clinwiki?");
            }
        }

        /** Sets each identity past the largest id copied, so the next row inserted gets a new one. */
        private void advanceIdentities(List<TargetSchema.Table> tables) throws SQLException {
            for (TargetSchema.Table table : tables) {
                if (table.identity().isEmpty()) {
                    continue;
                }
                String column = quote(table.identity().get());
                try (PreparedStatement statement = to.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                        + "(SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + quote(table.name()) + "), false)")) {
                    statement.setString(1, quote(table.name()));
                    statement.setString(2, table.identity().get());
                    statement.execute();
                }
            }
        }

        private long pageChanges() throws SQLException {
            try (Statement statement = to.createStatement();
                 ResultSet row = statement.executeQuery("SELECT value FROM " + COUNTERS + " WHERE name = 'page_changes'")) {
                return row.next() ? row.getLong(1) : 0;
            }
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        private boolean exists(String query) throws SQLException {
            try (Statement statement = to.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                return rows.next();
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = to.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** The rows and bytes copied so far of all tables, and the U+0000 characters left out. */
    private static final class Tally {
        final long total;
        long rows;
        long bytes;
        long nuls;

        Tally(long total) {
            this.total = total;
        }
    }
}
