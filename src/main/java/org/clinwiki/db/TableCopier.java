package org.clinwiki.db;

import static org.clinwiki.db.TargetSchema.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Copies one table from SQLite into PostgreSQL: reads the source row by row (a table of files or
 * revisions can be gigabytes; none is held whole) and inserts in batches of at most
 * {@value #BATCH_ROWS} rows or about {@value #BATCH_BYTES} bytes, ids as they are.
 *
 * <p>References to other tables are satisfied by the order of tables. A reference to a row of
 * the same table (a revision's parent, the user who blocked a user) is satisfied by copying in
 * key order: the row referred to is copied already when its key is smaller, as a parent revision's
 * always is. A reference to a larger key (an account blocked by an administrator made after it) is
 * inserted empty and filled in once the table is copied. This needs neither deferrable constraints
 * (the schema's are not) nor disabling triggers, which only a superuser may do.
 */
final class TableCopier {

    static final int BATCH_ROWS = 1_000;
    static final long BATCH_BYTES = 16L * 1024 * 1024;

    /** Hears of each batch written: rows and bytes of values in it. */
    interface Listener {
        void copied(long rows, long bytes);
    }

    /** What one table's copy did. */
    record Copied(long rows, long bytes, long nulsRemoved) {
    }

    private final Connection source;
    private final Connection target;

    TableCopier(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    Copied copy(TargetSchema.Table table, Listener listener) throws SQLException {
        List<TargetSchema.Column> columns = table.columns();
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        String select = "SELECT " + names + " FROM " + quote(table.name())
                + (table.selfReferences().isEmpty() ? "" : " ORDER BY " + quote(table.primaryKey().getFirst()));
        // OVERRIDING SYSTEM VALUE: the ids are the source's, whether the identity is BY DEFAULT or ALWAYS.
        String insert = "INSERT INTO " + quote(table.name()) + " (" + names + ")"
                + (table.identity().isPresent() ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        int key = table.selfReferences().isEmpty() ? -1 : table.indexOf(table.primaryKey().getFirst());
        int[] selfColumns = table.selfReferences().stream().mapToInt(table::indexOf).toArray();
        List<long[]> later = new ArrayList<>();
        long nuls = 0;
        try (Statement query = source.createStatement(); ResultSet row = query.executeQuery(select);
             PreparedStatement into = target.prepareStatement(insert)) {
            Batch batch = new Batch(into, listener);
            Object[] values = new Object[columns.size()];
            while (row.next()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = columns.get(i).type().read(row, i + 1);
                    if (values[i] instanceof String text && text.indexOf('\0') >= 0) {
                        // As Clinwiki does with new text on either database; older SQLite rows may hold one.
                        values[i] = text.replace("\0", "");
                        nuls += text.length() - ((String) values[i]).length();
                    }
                }
                for (int self = 0; self < selfColumns.length; self++) {
                    if (values[selfColumns[self]] instanceof Number parent && parent.longValue() > ((Number) values[key]).longValue()) {
                        later.add(new long[] {self, ((Number) values[key]).longValue(), parent.longValue()});
                        values[selfColumns[self]] = null;
                    }
                }
                long size = 0;
                for (int i = 0; i < values.length; i++) {
                    columns.get(i).type().bind(into, i + 1, values[i]);
                    size += ColumnType.size(values[i]);
                }
                batch.add(size);
            }
            batch.flush();
            completeForwardReferences(table, later);
            return new Copied(batch.rows, batch.bytes, nuls);
        }
    }

    /** Fills in the references to rows with larger keys, now that they are there; such rows are few. */
    private void completeForwardReferences(TargetSchema.Table table, List<long[]> later) throws SQLException {
        for (int self = 0; self < table.selfReferences().size(); self++) {
            String update = "UPDATE " + quote(table.name()) + " SET " + quote(table.selfReferences().get(self))
                    + " = ? WHERE " + quote(table.primaryKey().getFirst()) + " = ?";
            try (PreparedStatement statement = target.prepareStatement(update)) {
                for (long[] reference : later) {
                    if (reference[0] == self) {
                        statement.setLong(1, reference[2]);
                        statement.setLong(2, reference[1]);
                        statement.addBatch();
                    }
                }
                statement.executeBatch();
            }
        }
    }

    /** The rows added to an insert since it last ran, run when there are enough. */
    private static final class Batch {
        private final PreparedStatement insert;
        private final Listener listener;
        private int pendingRows;
        private long pendingBytes;
        private long rows;
        private long bytes;

        Batch(PreparedStatement insert, Listener listener) {
            this.insert = insert;
            this.listener = listener;
        }

        void add(long size) throws SQLException {
            insert.addBatch();
            pendingRows++;
            pendingBytes += size;
            if (pendingRows >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pendingRows == 0) {
                return;
            }
            insert.executeBatch();
            rows += pendingRows;
            bytes += pendingBytes;
            listener.copied(pendingRows, pendingBytes);
            pendingRows = 0;
            pendingBytes = 0;
        }
    }
}
