package org.clinwiki.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements kept for a handle's life behave as fresh ones would, on a real SQLite file. */
class StatementCacheTest {

    @TempDir
    Path dataDir;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(dataDir, 2);
        database.writer().useHandle(handle -> handle.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStatementRunManyTimesInOneTransactionBindsFreshValuesEachTime() {
        List<Long> ids = database.writer().inTransaction(handle -> {
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                keys.add(handle.createUpdate("INSERT INTO notes (body) VALUES (:body)").bind("body", "note " + i)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            return keys;
        });

        assertThat(ids).doesNotHaveDuplicates().hasSize(50);
        List<String> bodies = database.reader().withHandle(handle -> ids.stream()
                .map(id -> handle.createQuery("SELECT body FROM notes WHERE id = :id").bind("id", id).mapTo(String.class).one())
                .toList());
        assertThat(bodies.getFirst()).isEqualTo("note 0");
        assertThat(bodies.getLast()).isEqualTo("note 49");
    }

    @Test
    void theSameQueryRunInsideItsOwnResultLoopGetsAStatementOfItsOwn() {
        database.writer().useHandle(handle -> {
            for (int i = 0; i < 3; i++) {
                handle.execute("INSERT INTO notes (body) VALUES (?)", "n" + i);
            }
        });

        List<String> pairs = database.reader().withHandle(handle -> {
            String sql = "SELECT body FROM notes WHERE id >= :from ORDER BY id";
            List<String> seen = new ArrayList<>();
            try (var outer = handle.createQuery(sql).bind("from", 1).mapTo(String.class).stream()) {
                outer.forEach(body -> seen.add(body + ":" + String.join(",",
                        handle.createQuery(sql).bind("from", 3).mapTo(String.class).list())));
            }
            return seen;
        });

        assertThat(pairs).containsExactly("n0:n2", "n1:n2", "n2:n2");
    }

    @Test
    void aFailedTransactionLeavesNothingAndTheHandleAfterItStillWorks() {
        assertThatThrownBy(() -> database.writer().useTransaction(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES (?)", "kept only if committed");
            handle.execute("INSERT INTO notes (body) VALUES (?)", (Object) null);
        })).hasMessageContaining("NOT NULL");

        database.writer().useTransaction(handle -> handle.execute("INSERT INTO notes (body) VALUES (?)", "after"));
        List<String> bodies = database.reader().withHandle(this::bodies);
        assertThat(bodies).containsExactly("after");
    }

    private List<String> bodies(Handle handle) {
        return handle.createQuery("SELECT body FROM notes ORDER BY id").mapTo(String.class).list();
    }
}
