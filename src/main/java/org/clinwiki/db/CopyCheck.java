package org.clinwiki.db;

import static org.clinwiki.db.TargetSchema.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Checks a copy before it commits, reading what the target holds now: every table has as many
 * rows as in the source; every revision's SHA-1, computed again from the text the target holds,
 * is the one recorded with it, and the source's; and every stored file's SHA-256, computed again
 * by PostgreSQL from the bytes it holds, is the one it is stored under. Collects what differs.
 */
final class CopyCheck {

    private static final int LISTED = 5;
    // Revisions of up to a few MiB each: a few dozen at a time keep the memory bounded.
    private static final int FETCH_ROWS = 50;

    private final Connection source;
    private final Connection target;
    private final List<String> mismatches = new ArrayList<>();
    private long mismatchCount;

    CopyCheck(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /** Compares each table's row count with the source's. */
    void counts(List<TargetSchema.Table> tables) throws SQLException {
        for (TargetSchema.Table table : tables) {
            long there = count(source, table.name());
            long here = count(target, table.name());
            if (there != here) {
                mismatch(table.name() + " has " + here + " rows, the source " + there);
            }
        }
    }

    /**
     * Recomputes each revision's SHA-1 with {@code sha1} from the target's text, side by side with
     * the source's revisions in id order; {@code progress} hears the count checked. Returns it.
     */
    long revisions(UnaryOperator<String> sha1, LongConsumer progress) throws SQLException {
        long checked = 0;
        try (Statement there = source.createStatement();
             ResultSet before = there.executeQuery("SELECT id, sha1 FROM revisions ORDER BY id");
             Statement here = target.createStatement()) {
            // With a fetch size (in a transaction) PostgreSQL sends the texts a few at a time, not all at once.
            here.setFetchSize(FETCH_ROWS);
            try (ResultSet after = here.executeQuery("SELECT id, sha1, content FROM revisions ORDER BY id")) {
                boolean moreBefore = before.next();
                boolean moreAfter = after.next();
                while (moreBefore || moreAfter) {
                    long idBefore = moreBefore ? before.getLong(1) : Long.MAX_VALUE;
                    long idAfter = moreAfter ? after.getLong(1) : Long.MAX_VALUE;
                    if (idBefore < idAfter) {
                        mismatch("revision " + idBefore + " is missing from the target");
                    } else if (idAfter < idBefore) {
                        mismatch("revision " + idAfter + " is not in the source");
                    } else {
                        compare(idAfter, before.getString(2), after.getString(2), sha1.apply(after.getString(3)), sha1);
                        progress.accept(++checked);
                    }
                    moreBefore = idBefore <= idAfter ? before.next() : moreBefore;
                    moreAfter = idAfter <= idBefore ? after.next() : moreAfter;
                }
            }
        }
        return checked;
    }

    /** Has PostgreSQL hash every stored file's bytes (nothing to send back); returns how many were checked. */
    long files() throws SQLException {
        String wrong = "SELECT sha256, encode(sha256(content), 'hex'), octet_length(content), size FROM file_blobs "
                + "WHERE encode(sha256(content), 'hex') <> sha256 OR octet_length(content) <> size ORDER BY sha256 LIMIT " + (LISTED + 1);
        try (Statement statement = target.createStatement(); ResultSet rows = statement.executeQuery(wrong)) {
            while (rows.next()) {
                mismatch("the file stored as SHA-256 " + rows.getString(1) + " holds " + rows.getLong(3) + " bytes (recorded: "
                        + rows.getLong(4) + ") whose SHA-256 is " + rows.getString(2));
            }
        }
        return count(target, "file_blobs");
    }

    /** What differed, the first few described; empty when all agreed. */
    List<String> mismatches() {
        List<String> listed = new ArrayList<>(mismatches);
        if (mismatchCount > listed.size()) {
            listed.add("and " + (mismatchCount - listed.size()) + " more");
        }
        return listed;
    }

    private void compare(long id, String sourceSha1, String recorded, String computed, UnaryOperator<String> sha1) throws SQLException {
        if (!recorded.equals(computed)) {
            mismatch("revision " + id + ": the target's text has SHA-1 " + computed + ", recorded " + recorded
                    + (sourceSha1.equals(sha1.apply(sourceText(id))) ? "" : " (already so in the source)"));
        } else if (!recorded.equals(sourceSha1)) {
            mismatch("revision " + id + ": SHA-1 " + recorded + " in the target, " + sourceSha1 + " in the source");
        }
    }

    private String sourceText(long id) throws SQLException {
        try (PreparedStatement statement = source.prepareStatement("SELECT content FROM revisions WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }

    private void mismatch(String description) {
        mismatchCount++;
        if (mismatches.size() < LISTED) {
            mismatches.add(description);
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            row.next();
            return row.getLong(1);
        }
    }
}
