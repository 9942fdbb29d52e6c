package org.clinwiki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.clinwiki.App;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.db.Database;
import org.clinwiki.file.FileService;
import org.clinwiki.page.Edit;
import org.clinwiki.page.Page;
import org.clinwiki.page.Revision;
import org.clinwiki.page.SaveResult;
import org.clinwiki.testing.ImageFixtures;
import org.clinwiki.testing.TestDatabases;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.clinwiki.user.TokenKind;
import org.clinwiki.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-db} from a real SQLite wiki into a real, empty PostgreSQL database. */
class MigrateDbTest {

    private static final String PASSWORD = "a long test password 1";
    private static final List<String> TITLES = List.of("Alert fatigue", "AF", "Sepsis", "Obsolete", "File:Chart.png",
            "Template:Warning", "Physician");

    @TempDir
    Path source;

    @TempDir
    Path nodeDir;

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The source is SQLite whatever database this test run's other wikis use. */
    private Wiki openSource() {
        return Wiki.open(Config.defaults().withDataDir(source), Clock.systemUTC());
    }

    private Wiki openTarget(String url) {
        return Wiki.open(Config.defaults().withDataDir(nodeDir).withDatabase(url), Clock.systemUTC());
    }

    /** The uploaded bytes of File:Chart.png now. */
    private byte[] buildSourceWiki() throws Exception {
        Path dump = Path.of(getClass().getResource("/mediawiki/clinfowiki-1.39/clinfowiki-dump.xml").toURI());
        Run imported = run("import", "mediawiki", dump.toString(), "--files", dump.resolveSibling("images").toString(),
                "--data", source.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        try (Wiki wiki = openSource()) {
            // Made before the administrator who blocks it: a reference to a later row of the same table.
            User early = wiki.users().create("early", "Early Bird", "", Role.EDITOR, PASSWORD);
            Actor boss = new Actor(wiki.users().create("boss", "The Boss", "MD", Role.ADMIN, PASSWORD), "10.0.0.1");
            Actor alice = new Actor(wiki.users().create("alice", "Alice", "RN", Role.EDITOR, PASSWORD), "10.0.0.2");
            Actor bob = new Actor(wiki.users().create("bob", "Bob", "", Role.EDITOR, PASSWORD), "10.0.0.3");
            wiki.logins().login("alice", PASSWORD, "10.0.0.2", TokenKind.API);

            SaveResult first = save(wiki, alice, "Alert fatigue", "Too many alerts. [[Category:Safety]] [[Sepsis]]", false);
            save(wiki, bob, "Alert fatigue", "Too many alerts, ignored. [[Category:Safety]]", true);
            save(wiki, alice, "Alert fatigue", "Vandalised ☠ text", false);
            wiki.pages().revert(boss, Title.parse("Alert fatigue"), first.revision().id(), "revert vandalism");
            save(wiki, bob, "AF", "#REDIRECT [[Alert fatigue]]", false);
            save(wiki, alice, "Template:Warning", "**Careful**", false);
            save(wiki, bob, "Sepsis", "{{Warning}} Sepsis alerts. [[Category:Safety]] [[Category:Infection]]", false);
            save(wiki, alice, "Obsolete", "Soon gone", false);
            wiki.moderation().delete(boss, Title.parse("Obsolete"), "not needed");

            wiki.files().upload(alice, new FileService.Upload("Chart.png", ImageFixtures.png(300, 200), "The chart", false));
            long firstVersion = wiki.files().file(Title.parse("File:Chart.png"), Optional.empty()).latest().id();
            wiki.files().upload(bob, new FileService.Upload("Chart.png", ImageFixtures.png(120, 80), "Smaller", true));
            wiki.files().revert(boss, Title.parse("File:Chart.png"), firstVersion, "the first was better");

            wiki.administration().block(boss, early.name(), "spam", Optional.empty());
            var served = wiki.delivery().serve(Title.parse("File:Chart.png"), OptionalLong.empty(), 0, Optional.empty());
            return Files.readAllBytes(served.path());
        }
    }

    private static SaveResult save(Wiki wiki, Actor actor, String title, String text, boolean minor) {
        Optional<Page> page = wiki.reader().find(Title.parse(title), Optional.empty());
        OptionalLong base = page.map(p -> OptionalLong.of(p.latestRevisionId())).orElse(OptionalLong.empty());
        return wiki.pages().save(actor, new Edit(Title.parse(title), text, "edit of " + title, base, minor));
    }

    @Test
    void copiesEveryRowSoTheWikiGoesOnInPostgresqlWithItsWholeHistory() throws Exception {
        byte[] chart = buildSourceWiki();
        String url = TestDatabases.newPostgresDatabase();

        Run migrated = run("migrate-db", "--from", source.toString(), "--to", url);

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("Copied ", "revisions' SHA-1", "files' SHA-256", "Next: start each node");
        assertThat(migrated.err()).contains("rows of revisions", "verified");
        Map<String, List<String>> before;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source.resolve(Database.FILE_NAME));
             Connection postgres = DriverManager.getConnection(url)) {
            before = snapshot(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
            Map<String, List<String>> after = snapshot(postgres,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((table, rows) -> {
                if (!table.equals("flyway_schema_history")) {
                    assertThat(after.get(table)).as(table).isEqualTo(rows);
                }
            });
        }
        assertThat(before.get("revisions")).hasSizeGreaterThan(70);

        long maxRevision = sourceMax("revisions");
        long maxPage = sourceMax("pages");
        try (Wiki old = openSource(); Wiki node = openTarget(url)) {
            User boss = node.users().require("boss");
            for (String title : TITLES) {
                List<Revision> history = node.reader().history(Title.parse(title), Long.MAX_VALUE, 500, Optional.of(boss));
                assertThat(history).as(title).isNotEmpty()
                        .isEqualTo(old.reader().history(Title.parse(title), Long.MAX_VALUE, 500, Optional.of(boss)));
                for (Revision revision : history) {
                    assertThat(node.reader().markdown(revision.id())).isEqualTo(old.reader().markdown(revision.id()));
                }
            }
            assertThat(node.reader().changeSequence()).isEqualTo(old.reader().changeSequence()).isPositive();
            for (String name : List.of("early", "boss", "alice", "bob")) {
                assertThat(node.users().require(name)).isEqualTo(old.users().require(name));
            }
            assertThat(node.users().require("early").block()).isPresent();
            assertThat(node.categories().listing("Safety", "", 10).pages())
                    .isEqualTo(old.categories().listing("Safety", "", 10).pages()).hasSize(2);

            var served = node.delivery().serve(Title.parse("File:Chart.png"), OptionalLong.empty(), 0, Optional.empty());
            assertThat(Files.readAllBytes(served.path())).isEqualTo(chart);
            assertThat(node.logins().login("alice", PASSWORD, "10.0.0.9", TokenKind.API).user().name()).isEqualTo("alice");

            long changes = node.reader().changeSequence();
            SaveResult saved = save(node, new Actor(node.users().require("alice"), "10.0.0.2"), "New in PostgreSQL", "Fresh", false);
            assertThat(saved.revision().id()).as("identities advanced past the copied ids").isGreaterThan(maxRevision);
            assertThat(saved.page().id()).isGreaterThan(maxPage);
            assertThat(node.reader().changeSequence()).isEqualTo(changes + 1);
        }
    }

    @Test
    void refusesATargetThatIsNotEmptyAndLeavesItAsItWas() throws Exception {
        buildSourceWiki();
        String url = TestDatabases.newPostgresDatabase();
        try (Wiki node = openTarget(url)) {
            save(node, FirstRun.systemActor(node), "Already here", "A page written before the migration", false);
        }
        Map<String, List<String>> before = targetSnapshot(url);

        Run refused = run("migrate-db", "--from", source.toString(), "--to", url);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("The target database is not empty", "pages", "revisions", "Nothing was written");
        assertThat(targetSnapshot(url)).isEqualTo(before);
    }

    @Test
    void aCopyThatDiffersFromItsSourceIsRolledBackAndNamed() throws Exception {
        buildSourceWiki();
        long tampered;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT MIN(id) FROM revisions")) {
                row.next();
                tampered = row.getLong(1);
            }
            statement.execute("UPDATE revisions SET content = 'changed behind the wiki''s back' WHERE id = " + tampered);
        }
        String url = TestDatabases.newPostgresDatabase();

        Run failed = run("migrate-db", "--from", source.toString(), "--to", url);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("differs from the source", "revision " + tampered + ":", "already so in the source",
                "Nothing was written", "run migrate-db again");
        assertThat(targetSnapshot(url).get("revisions")).isEmpty();
        assertThat(targetSnapshot(url).get("users")).isEmpty();
    }

    @Test
    void textWithANulCharacterFromAnOlderWikiComesAcrossWithoutIt() throws Exception {
        try (Wiki wiki = openSource()) {
            wiki.users().create("nul", "Before", "", Role.EDITOR, PASSWORD);
        }
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement()) {
            // Older versions stored what was typed; PostgreSQL refuses U+0000 in text.
            statement.execute("UPDATE users SET display_name = 'Be' || char(0) || 'fore' WHERE name = 'nul'");
        }
        String url = TestDatabases.newPostgresDatabase();

        Run migrated = run("migrate-db", "--from", source.toString(), "--to", url);

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("Left out 1 U+0000 characters");
        try (Wiki node = openTarget(url)) {
            assertThat(node.users().require("nul").displayName()).isEqualTo("Before");
        }
    }

    @Test
    void refusesASourceThatIsNotAWikiWithoutMakingOne() {
        String url = TestDatabases.newPostgresDatabase();
        Path missing = source.resolve("nowhere");
        Run run = run("migrate-db", "--from", missing.toString(), "--to", url);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no wiki in " + missing, "clinwiki.db does not exist");
        assertThat(missing).doesNotExist();

        Run empty = run("migrate-db", "--from", source.toString(), "--to", url);
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(source.resolve(Database.FILE_NAME)).doesNotExist();
    }

    @Test
    void refusesABadOrUnreachableDatabase() throws Exception {
        try (Wiki wiki = openSource()) {
            save(wiki, FirstRun.systemActor(wiki), "Page", "text", false);
        }
        Run notPostgres = run("migrate-db", "--from", source.toString(), "--to", "mysql://db.example/wiki");
        assertThat(notPostgres.exitCode()).isEqualTo(1);
        assertThat(notPostgres.err()).contains("Not a PostgreSQL URL");

        Run unreachable = run("migrate-db", "--from", source.toString(), "--to", "postgresql://nobody:secret@127.0.0.1:1/wiki");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot connect to PostgreSQL").doesNotContain("secret");

        Run missingOption = run("migrate-db", "--from", source.toString());
        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("--to");
    }

    @Test
    void refusesWhileAServerRunsOnTheSource() {
        String url = TestDatabases.newPostgresDatabase();
        App server = new App(Config.defaults().withDataDir(source).withHost("127.0.0.1").withPort(0), Clock.systemUTC());
        try (server) {
            Run run = run("migrate-db", "--from", source.toString(), "--to", url);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("stop the server first");
        }
        assertThat(targetSnapshot(url)).isEmpty();
    }

    private long sourceMax(String table) throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement(); ResultSet row = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, List<String>> targetSnapshot(String url) {
        try (Connection postgres = DriverManager.getConnection(url)) {
            return snapshot(postgres, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_name <> 'flyway_schema_history'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of every table listed by {@code tablesQuery}, as text alike on both databases
     * (booleans as 0 and 1, bytes in hex), rows sorted, so two databases' contents compare equal.
     */
    private static Map<String, List<String>> snapshot(Connection connection, String tablesQuery) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(tablesQuery)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String table : tables) {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    Map<String, String> values = new TreeMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.put(columns.getColumnName(i), text(row.getObject(i)));
                    }
                    rows.add(values.toString());
                }
            }
            rows.sort(null);
            snapshot.put(table, rows);
        }
        return snapshot;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Boolean flag -> flag ? "1" : "0";
            case byte[] bytes -> HexFormat.of().formatHex(bytes);
            case Integer number -> Long.toString(number);
            default -> value.toString();
        };
    }
}
