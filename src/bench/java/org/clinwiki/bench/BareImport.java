package org.clinwiki.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The import's baseline: the same Markdown files read and stored as bare rows (name, text) in
 * one SQLite table, with the durability Clinwiki uses (WAL, synchronous FULL) and the same 200
 * files per transaction. No parsing, no history, no links: the floor for storing the bytes.
 */
final class BareImport {

    private static final int BATCH = 200;

    private BareImport() {
    }

    /** Pages per second. */
    static double rate(Path corpus, Path database) throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            try (Statement setup = connection.createStatement()) {
                setup.execute("PRAGMA journal_mode = WAL");
                setup.execute("PRAGMA synchronous = FULL");
                setup.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, content TEXT NOT NULL)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pages (name, content) VALUES (?, ?)")) {
                for (int i = 0; i < files.size(); i++) {
                    Path file = files.get(i);
                    insert.setString(1, file.getFileName().toString());
                    insert.setString(2, Files.readString(file));
                    insert.executeUpdate();
                    if ((i + 1) % BATCH == 0 || i == files.size() - 1) {
                        connection.commit();
                    }
                }
            }
        }
        return files.size() / ((System.nanoTime() - start) / 1e9);
    }
}
