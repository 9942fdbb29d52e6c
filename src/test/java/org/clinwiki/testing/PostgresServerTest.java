package org.clinwiki.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void sharedClusterIsAModernPostgresWithALinguisticDefaultCollation() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        assertThat(PostgresServer.shared()).isSameAs(server);
        String database = server.createDatabase();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            assertThat(Integer.parseInt(single(statement, "SHOW server_version_num"))).isGreaterThanOrEqualTo(150000);
            assertThat(single(statement, "SELECT datlocprovider::text || ' ' || daticulocale FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("i en-US");
            // Under ICU en-US letters sort by letter first, case second; under "C" every capital comes before every small letter.
            assertThat(single(statement, "SELECT 'a' < 'B'")).isEqualTo("t");
            assertThat(single(statement, "SELECT 'a' COLLATE \"C\" < 'B' COLLATE \"C\"")).isEqualTo("f");
            assertThat(single(statement, "SHOW fsync")).isEqualTo("on");
            assertThat(single(statement, "SHOW wal_level")).isEqualTo("replica");
        }
        server.dropDatabase(database);
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")).isEqualTo("0");
        }
        assertThat(server.url(database)).isEqualTo("postgresql://postgres@127.0.0.1:" + server.port() + "/" + database);
    }

    @Test
    void dropEndsOpenSessionsAndCopiesOfATemplateHaveItsTables() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        String template = server.createDatabase();
        try (Connection connection = server.connect(template); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE page (title text COLLATE \"C\" PRIMARY KEY)");
            statement.execute("INSERT INTO page VALUES ('Main Page')");
        }
        String copy = server.createDatabaseFrom(template);
        Connection open = server.connect(copy);
        try (Statement statement = open.createStatement()) {
            assertThat(single(statement, "SELECT title FROM page")).isEqualTo("Main Page");
        }
        server.dropDatabase(copy);
        server.dropDatabase(template);
        assertThatThrownBy(() -> open.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        open.close();
    }

    @Test
    void sharedClusterCannotBeStoppedByOneTest() {
        assertThatThrownBy(() -> PostgresServer.shared().kill9()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PostgresServer.shared().close()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void committedRowSurvivesKill9AndCrashRecovery() throws Exception {
        PostgresServer server = PostgresServer.start();
        List<ProcessHandle> processes;
        try {
            String database = server.createDatabase();
            try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (x int)");
                statement.execute("INSERT INTO t VALUES (42)");
            }
            Connection beforeCrash = server.connect(database);
            server.kill9();
            assertThatThrownBy(() -> beforeCrash.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
            beforeCrash.close();
            server.startAgain();
            assertThat(Files.readString(server.logFile())).contains("was not properly shut down; automatic recovery in progress");
            try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT x FROM t")).isEqualTo("42");
            }
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(server.directory().resolve("data/postmaster.pid")).get(0))).orElseThrow();
            processes = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        } finally {
            server.close();
        }
        assertThat(processes).noneMatch(Processes::running);
        assertThat(server.directory()).doesNotExist();
    }

    @Test
    void pausedServerAnswersNothingUntilResumed() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            server.pause();
            // The kernel completes the TCP handshake for a frozen server, so only a read timeout notices.
            Properties quick = new Properties();
            quick.setProperty("connectTimeout", "1");
            quick.setProperty("socketTimeout", "1");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), quick).close())
                    .isInstanceOf(SQLException.class);
            server.resume();
            try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT 1")).isEqualTo("1");
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
