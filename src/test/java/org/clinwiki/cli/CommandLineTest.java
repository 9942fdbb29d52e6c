package org.clinwiki.cli;

import org.clinwiki.testing.TestDatabases;
import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.file.FileService;
import org.clinwiki.testing.ImageFixtures;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.clinwiki.user.TokenKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path dataDir;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    private Wiki open() {
        return Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC());
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsRefusedWithAMessage() {
        Run run = run("", "reindex", "--data", dataDir.toString(), "--database", "mysql://root@db/wiki");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--database: Not a PostgreSQL URL").doesNotContain("Exception");
    }

    @Test
    void anUnreachableDatabaseIsReportedWithoutAStackTrace() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("a long password here\n", "user", "add", "jdoe", "--role", "editor", "--password-stdin",
                "--data", dataDir.toString(), "--database", "postgresql://clinwiki:secret@127.0.0.1:" + closedPort + "/wiki");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort)
                .doesNotContain("secret").doesNotContain("\tat ");
    }

    @Test
    void userAddCreatesAnAccountThatCanLogIn() {
        Run run = run("a long password here\n", "user", "add", "jdoe", "--role", "editor", "--display-name", "Jane Doe",
                "--credentials", "MD, clinical informaticist", "--password-stdin", "--data", dataDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created editor jdoe");
        try (Wiki wiki = open()) {
            var login = wiki.logins().login("jdoe", "a long password here", "test", TokenKind.API);
            assertThat(login.token()).startsWith("cw_");
            assertThat(login.user().displayName()).isEqualTo("Jane Doe");
            assertThat(login.user().credentials()).isEqualTo("MD, clinical informaticist");
            assertThat(login.user().role()).isEqualTo(Role.EDITOR);
        }
    }

    @Test
    void userAddRefusesBadInputWithAMessageAndNonZeroExit() {
        Run badRole = run("a long password here\n", "user", "add", "jdoe", "--role", "king", "--password-stdin", "--data", dataDir.toString());
        assertThat(badRole.exitCode()).isEqualTo(1);
        assertThat(badRole.err()).contains("--role must be reader, editor or admin");

        Run weak = run("short\n", "user", "add", "jdoe", "--role", "editor", "--password-stdin", "--data", dataDir.toString());
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).contains("at least 12 characters");

        Run noPassword = run("", "user", "add", "jdoe", "--role", "editor", "--password-stdin", "--data", dataDir.toString());
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.err()).contains("No password");

        Run missingOption = run("", "user", "add", "jdoe", "--data", dataDir.toString());
        assertThat(missingOption.exitCode()).isEqualTo(2);

        run("a long password here\n", "user", "add", "jdoe", "--role", "editor", "--password-stdin", "--data", dataDir.toString());
        Run duplicate = run("a long password here\n", "user", "add", "JDoe", "--role", "editor", "--password-stdin", "--data", dataDir.toString());
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("taken");
    }

    @Test
    void userPasswordResetsIt() {
        run("a long password here\n", "user", "add", "kim", "--role", "editor", "--password-stdin", "--data", dataDir.toString());
        Run reset = run("another long password\n", "user", "password", "kim", "--password-stdin", "--data", dataDir.toString());
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        try (Wiki wiki = open()) {
            assertThat(wiki.logins().login("kim", "another long password", "test", TokenKind.API).user().name()).isEqualTo("kim");
        }
    }

    @Test
    void aWikiImportedBeforeItsFirstStartStillGetsAnAdministrator(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("Alert_fatigue.md"), "Too many alerts.");
        assertThat(run("", "import", "markdown", folder.toString(), "--data", dataDir.toString()).exitCode()).isZero();
        try (Wiki wiki = open()) {
            assertThat(org.clinwiki.FirstRun.prepare(wiki)).isPresent();
            assertThat(wiki.users().hasAnyAdmin()).isTrue();
            assertThat(org.clinwiki.FirstRun.prepare(wiki)).as("only once").isEmpty();
        }
    }

    @Test
    void importMarkdownCreatesPagesReportsFailuresAndGoesOn(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("Clinical_decision_support.md"), "CDS text [[Category:CDS]]");
        Files.writeString(folder.resolve("Category:CDS.md"), "The CDS category.");
        Files.createDirectories(folder.resolve("CPOE"));
        Files.writeString(folder.resolve("CPOE/History.md"), "Subpage.");
        Files.writeString(folder.resolve("Bad[title].md"), "refused");
        Files.write(folder.resolve("Latin1.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Files.writeString(folder.resolve("notes.txt"), "not markdown, ignored");

        Run run = run("", "import", "markdown", folder.toString(), "--data", dataDir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Imported 5 files", "3 created", "2 failed");
        assertThat(run.err()).contains("failed: Bad[title].md", "failed: Latin1.md: not valid UTF-8");
        try (Wiki wiki = open()) {
            assertThat(wiki.reader().article(Title.parse("Clinical decision support"), Optional.empty()).markdown())
                    .isEqualTo("CDS text [[Category:CDS]]");
            assertThat(wiki.reader().article(Title.parse("CPOE/History"), Optional.empty()).revision().author().name())
                    .isEqualTo("Clinwiki");
            assertThat(wiki.categories().listing("CDS", "", 10).pages()).containsExactly(Title.parse("Clinical decision support"));
        }

        Run again = run("", "import", "markdown", folder.toString(), "--data", dataDir.toString());
        assertThat(again.out()).contains("3 unchanged");
        Files.writeString(folder.resolve("CPOE/History.md"), "Subpage, revised.");
        Run updated = run("", "import", "markdown", folder.toString(), "--data", dataDir.toString());
        assertThat(updated.out()).contains("1 updated");
    }

    @Test
    void importMediawikiImportsADumpWritesItsReportAndStopsAtBrokenXmlKeepingWhatCameBefore(@TempDir Path folder) throws Exception {
        Path fixture = Path.of(getClass().getResource("/mediawiki/clinfowiki-1.39/clinfowiki-dump.xml").toURI());
        Path report = folder.resolve("report.json");
        Run run = run("", "import", "mediawiki", fixture.toString(), "--files", fixture.resolveSibling("images").toString(),
                "--report", report.toString(), "--data", dataDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported clinfowiki: 43 pages (43 created", "69 revisions added", "5 file versions uploaded");
        assertThat(run.err()).contains("100%", "revisions/s");
        assertThat(Files.readString(report)).contains("\"revisionsAdded\" : 69", "\"construct\" : \"category sort key\"");

        Run again = run("", "import", "mediawiki", fixture.toString(), "--data", dataDir.toString());
        assertThat(again.out()).contains("43 unchanged", "0 revisions added (69 known already)");

        String xml = Files.readString(fixture);
        Path broken = folder.resolve("broken.xml");
        Files.writeString(broken, xml.substring(0, xml.indexOf("<title>Physician</title>")) + "<title>Physician</tit");
        Path otherData = folder.resolve("other");
        Run stopped = run("", "import", "mediawiki", broken.toString(), "--data", otherData.toString());
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).containsPattern("error: Malformed XML at line \\d+, column \\d+");
        try (Wiki wiki = Wiki.open(TestDatabases.config(otherData), Clock.systemUTC())) {
            assertThat(wiki.reader().article(Title.parse("Alert fatigue"), Optional.empty()).markdown()).isNotBlank();
        }
        assertThat(run("", "import", "mediawiki", folder.resolve("missing.xml").toString(), "--data", dataDir.toString()).err())
                .contains("is not a file");
    }

    @Test
    void exportNeverWritesOutsideItsFolderWhateverTheTitles(@TempDir Path exported, @TempDir Path outside) throws Exception {
        String[] titles = {"/" + outside.resolve("pwned") + "/x", "C:/Windows/win", "CON", "Lpt1.txt", "a//b", "Trailing.",
                "Category:Dotted./sub", "...", "Back\\slash*?\"", "Slashed/"};
        try (Wiki wiki = open()) {
            var actor = FirstRun.systemActor(wiki);
            for (String title : titles) {
                wiki.pages().replace(actor, Title.parse(title), "text of " + title, "");
            }
        }
        Run export = run("", "export", "markdown", exported.toString(), "--data", dataDir.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported " + titles.length + " pages");
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written).as("nothing outside the export folder").isEmpty();
        }
        try (Stream<Path> files = Files.walk(exported)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(titles.length)
                    .allSatisfy(file -> assertThat(file.toRealPath()).startsWith(exported.toRealPath()))
                    .noneSatisfy(file -> assertThat(file.getFileName().toString().toUpperCase()).startsWith("CON."));
        }
        Run reimport = run("", "import", "markdown", exported.toString(), "--data", dataDir.toString());
        assertThat(reimport.out()).as(reimport.err()).contains(titles.length + " unchanged").contains("0 failed");
    }

    @Test
    void filesAreExportedBesideTheirPagesAndImportedBackIntoAnotherWiki(@TempDir Path exported, @TempDir Path otherData)
            throws Exception {
        byte[] chart = ImageFixtures.png(300, 200);
        try (Wiki wiki = open()) {
            var actor = FirstRun.systemActor(wiki);
            wiki.files().importFile(actor, new FileService.Upload("Chart.png", chart, "The chart", true));
            wiki.pages().replace(actor, Title.parse("Charts"), "[[File:Chart.png|thumb|A chart]]", "");
        }
        Run export = run("", "export", "markdown", exported.toString(), "--data", dataDir.toString());
        assertThat(export.out()).as(export.err()).contains("Exported 2 pages and 1 files");
        assertThat(Files.readString(exported.resolve("File:Chart.png.md"))).startsWith("The chart");
        byte[] written = Files.readAllBytes(exported.resolve("File:Chart.png"));
        assertThat(ImageFixtures.read(written).getWidth()).isEqualTo(300);

        Run imported = run("", "import", "markdown", exported.toString(), "--data", otherData.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 uploaded", "0 failed");
        try (Wiki other = Wiki.open(TestDatabases.config(otherData), Clock.systemUTC())) {
            var file = other.files().file(Title.parse("File:Chart.png"), Optional.empty());
            assertThat(file.latest().width()).isEqualTo(300);
            assertThat(Files.readAllBytes(other.delivery().serve(file.page().title(), OptionalLong.empty(), 0, Optional.empty()).path()))
                    .isEqualTo(written);
        }
        Run again = run("", "import", "markdown", exported.toString(), "--data", otherData.toString());
        assertThat(again.out()).as("importing twice changes nothing").contains("0 uploaded", "0 failed");

        Files.writeString(exported.resolve("File:Fake.png"), "<html>not an image</html>");
        Run refused = run("", "import", "markdown", exported.toString(), "--data", otherData.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("File:Fake.png", "HTML");
    }

    @Test
    void exportWritesEveryPageAndImportsBackUnchanged(@TempDir Path exported) throws Exception {
        try (Wiki wiki = open()) {
            var actor = FirstRun.systemActor(wiki);
            wiki.pages().replace(actor, Title.parse("Alert fatigue"), "Too many alerts.", "");
            wiki.pages().replace(actor, Title.parse("Help:Tables"), "| a |\n|---|\n| b |", "");
            wiki.pages().replace(actor, Title.parse("EHR/Adoption"), "Subpage", "");
            wiki.pages().replace(actor, Title.parse("Obsolete"), "gone", "");
            wiki.users().create("boss", "Boss", "", Role.ADMIN, "a long password here");
            wiki.moderation().delete(new Actor(wiki.users().require("boss"), "test"), Title.parse("Obsolete"), "");
        }
        Run export = run("", "export", "markdown", exported.toString(), "--data", dataDir.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 3 pages");
        assertThat(Files.readString(exported.resolve("Alert_fatigue.md"))).isEqualTo("Too many alerts.\n");
        assertThat(exported.resolve("Help:Tables.md")).exists();
        assertThat(exported.resolve("EHR/Adoption.md")).exists();
        assertThat(exported.resolve("Obsolete.md")).doesNotExist();

        Run reimport = run("", "import", "markdown", exported.toString(), "--data", dataDir.toString());
        assertThat(reimport.out()).contains("3 unchanged");
    }

    @Test
    void importOverSeveralBatchesKeepsTheRestOfABatchWithAnOversizedPage(@TempDir Path folder) throws Exception {
        // Batches are parsed ahead while the previous one is written: the bad page is in the third.
        int files = 2 * org.clinwiki.page.PageImport.BATCH + 250;
        int bad = 2 * org.clinwiki.page.PageImport.BATCH + 100;
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve(String.format("Note_%05d.md", i)), "Note " + i + " links [[Note %05d]].".formatted(i + 1));
        }
        Files.writeString(folder.resolve("Note_%05d.md".formatted(bad)), "x".repeat((int) Config.defaults().maxPageBytes() + 1));

        Run run = run("", "import", "markdown", folder.toString(), "--data", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Imported " + files + " files", (files - 1) + " created", "1 failed");
        assertThat(run.err()).contains("failed: Note_%05d.md".formatted(bad));
        try (Wiki wiki = open()) {
            assertThat(wiki.reader().article(Title.parse("Note %05d".formatted(files - 1)), Optional.empty()).markdown())
                    .isEqualTo("Note " + (files - 1) + " links [[Note %05d]].".formatted(files));
            assertThat(wiki.reader().article(Title.parse("Note %05d".formatted(bad - 1)), Optional.empty()).markdown())
                    .isEqualTo("Note " + (bad - 1) + " links [[Note %05d]].".formatted(bad));
            assertThat(wiki.reader().article(Title.parse("Note 00000"), Optional.empty()).revision().author().name()).isNotBlank();
        }
    }

    @Test
    void missingFolderIsReported() {
        Run run = run("", "import", "markdown", dataDir.resolve("nowhere").toString(), "--data", dataDir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not a folder");
    }

    @Test
    void noCommandPrintsUsage() {
        Run run = run("");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Name a command: serve, user, import, export, reindex, reconvert or migrate-db.");
    }

    @Test
    void theBenchmarkToolsAreNotProductCommands() {
        for (String command : new String[] {"benchmark", "generate-corpus"}) {
            Run run = run("", command);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("Unmatched argument", command);
        }
        assertThat(run("", "--help").out()).contains("serve", "reindex").doesNotContain("benchmark", "generate-corpus");
    }

    @Test
    void everyCommandAndSubcommandPrintsItsUsageForHelpAndExitsZero() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), commands);
        assertThat(commands).as("the commands found").contains(List.of("user"), List.of("user", "add"), List.of("user", "password"),
                List.of("import"), List.of("import", "markdown"), List.of("export"), List.of("reindex"), List.of("serve"),
                List.of("migrate-db"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            // Nothing on standard input and no data directory: asking for help must need neither.
            Run run = run("", args.toArray(String[]::new));
            String name = String.join(" ", args);
            assertThat(run.exitCode()).as(name + "\n" + run.err()).isZero();
            assertThat(run.out()).as(name).contains("Usage: clinwiki " + String.join(" ", command));
            assertThat(run.err()).as(name).isEmpty();
        }
    }

    /** Every command below {@code line}, each as the words that name it, found from picocli's own model. */
    private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
        line.getSubcommands().forEach((name, sub) -> {
            // Aliases name the same command; visit each once, by its own name.
            if (!name.equals(sub.getCommandName())) {
                return;
            }
            List<String> words = new ArrayList<>(path);
            words.add(name);
            into.add(words);
            collect(sub, words, into);
        });
    }
}
