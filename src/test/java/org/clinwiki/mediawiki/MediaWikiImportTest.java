package org.clinwiki.mediawiki;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinwiki.mediawiki.Dumps.rev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.page.RecentChanges;
import org.clinwiki.page.RecentEdit;
import org.clinwiki.page.Revision;
import org.clinwiki.title.Title;
import org.clinwiki.user.AccountStatus;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.clinwiki.user.TokenKind;
import org.clinwiki.error.WikiException;
import org.clinwiki.user.User;
import org.clinwiki.wikitext.MalformedDumpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaWikiImportTest {

    private static final Title CPOE = Title.parse("Computerized physician order entry");

    @TempDir
    Path dataDir;
    @TempDir
    Path dumps;

    private Wiki wiki;

    @BeforeEach
    void open() {
        wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        wiki.close();
    }

    private Dumps cpoeHistory() {
        return new Dumps("clinfowiki").page(10, 0, "Computerized physician order entry",
                rev(100, "2009-03-01T10:00:00Z", "Alice Nurse", "first draft", "CPOE lets clinicians enter orders."),
                new Dumps.Rev(101, "2009-03-02T11:30:00Z", "ip:192.0.2.44", "typo", true, "CPOE lets clinicians enter orders electronically."),
                rev(102, "2010-05-05T08:15:00Z", "Bob MD", "see also", "CPOE lets clinicians enter orders electronically. See [[Alert fatigue]]."));
    }

    private ImportSummary importDump(Dumps dump) throws IOException {
        Path file = Files.createTempFile(dumps, "dump", ".xml");
        Files.writeString(file, dump.xml());
        return importFile(file);
    }

    private ImportSummary importFile(Path file) throws IOException {
        return wiki.mediaWikiImport().run(FirstRun.systemActor(wiki), file,
                new MediaWikiImport.Options(Optional.empty(), Optional.empty(), false), progress -> { });
    }

    private List<Revision> history(Title title) {
        return wiki.reader().history(title, Long.MAX_VALUE, 100, Optional.empty()).reversed();
    }

    @Test
    void everyRevisionIsImportedOldestFirstWithItsAuthorTimeSummaryAndMinorFlag() throws IOException {
        ImportSummary summary = importDump(cpoeHistory());

        assertThat(summary.pagesCreated()).isEqualTo(1);
        assertThat(summary.revisionsAdded()).isEqualTo(3);
        List<Revision> history = history(CPOE);
        assertThat(history).hasSize(4);
        assertThat(history.subList(0, 3)).extracting(r -> r.author().displayName(), Revision::timestamp, Revision::summary, Revision::minor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Alice Nurse", Instant.parse("2009-03-01T10:00:00Z"), "first draft", false),
                        org.assertj.core.groups.Tuple.tuple("Anonymous", Instant.parse("2009-03-02T11:30:00Z"), "typo", true),
                        org.assertj.core.groups.Tuple.tuple("Bob MD", Instant.parse("2010-05-05T08:15:00Z"), "see also", false));
        assertThat(history.get(1).parentId()).hasValue(history.get(0).id());
        assertThat(history.get(3).summary()).isEqualTo("Imported 3 revisions from Clinfowiki");
        assertThat(wiki.reader().article(CPOE, Optional.empty()).markdown()).contains("See [[Alert fatigue]].");
    }

    @Test
    void importedAuthorsAreNamedAsThereAndCannotLogIn() throws IOException {
        importDump(cpoeHistory());

        User alice = wiki.users().require("Alice_Nurse");
        assertThat(alice.displayName()).isEqualTo("Alice Nurse");
        assertThat(alice.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(wiki.changes().contributions("Alice_Nurse", Long.MAX_VALUE, 10, Optional.empty())).hasSize(1);
        assertThat(wiki.users().find("192.0.2.44")).isEmpty();
    }

    @Test
    void recentChangesShowsOneImportEntryPerPageNotTheOldEdits() throws IOException {
        importDump(cpoeHistory());

        List<RecentEdit> recent = wiki.changes().recent(new RecentChanges.Filter(Long.MAX_VALUE, Optional.empty(), false, 50),
                Optional.empty());
        assertThat(recent).filteredOn(edit -> edit.title().equals(CPOE)).singleElement()
                .satisfies(edit -> assertThat(edit.revision().summary()).isEqualTo("Imported 3 revisions from Clinfowiki"));
    }

    @Test
    void importingTheSameDumpTwiceChangesNothing() throws IOException {
        importDump(cpoeHistory());
        List<Revision> before = history(CPOE);

        ImportSummary again = importDump(cpoeHistory());

        assertThat(again.revisionsAdded()).isZero();
        assertThat(again.revisionsSkipped()).isEqualTo(3);
        assertThat(again.pagesUnchanged()).isEqualTo(1);
        assertThat(history(CPOE)).isEqualTo(before);
    }

    @Test
    void aNewerDumpAddsOnlyItsNewRevisions() throws IOException {
        importDump(cpoeHistory());

        ImportSummary newer = importDump(new Dumps("clinfowiki").page(10, 0, "Computerized physician order entry",
                rev(102, "2010-05-05T08:15:00Z", "Bob MD", "see also", "CPOE lets clinicians enter orders electronically. See [[Alert fatigue]]."),
                rev(103, "2011-01-01T00:00:00Z", "Carol RN", "safety", "CPOE reduces medication errors.")));

        assertThat(newer.revisionsAdded()).isEqualTo(1);
        assertThat(newer.pagesUpdated()).isEqualTo(1);
        assertThat(history(CPOE)).extracting(Revision::summary).containsExactly("first draft", "typo", "see also",
                "Imported 3 revisions from Clinfowiki", "safety", "Imported 1 revision from Clinfowiki");
        assertThat(wiki.reader().article(CPOE, Optional.empty()).markdown()).isEqualTo("CPOE reduces medication errors.");
    }

    @Test
    void aPageEditedHereSinceTheImportKeepsItsTextAndTheNewRevisionsJoinItsHistory() throws IOException {
        importDump(cpoeHistory());
        User editor = wiki.users().create("jdoe", "Jane Doe", "", Role.EDITOR, "a long password here");
        wiki.pages().replace(new Actor(editor, "local"), CPOE, "Edited in Clinwiki.", "local edit");

        ImportSummary newer = importDump(new Dumps("clinfowiki").page(10, 0, "Computerized physician order entry",
                rev(103, "2011-01-01T00:00:00Z", "Carol RN", "safety", "CPOE reduces medication errors.")));

        assertThat(newer.pagesConflicting()).isEqualTo(1);
        assertThat(wiki.reader().article(CPOE, Optional.empty()).markdown()).isEqualTo("Edited in Clinwiki.");
        assertThat(history(CPOE)).extracting(Revision::summary).contains("safety");
        assertThat(wiki.importReport().entries(Long.MAX_VALUE, "edited here", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.page()).isEqualTo(CPOE.text()));

        importDump(new Dumps("clinfowiki").page(10, 0, "Computerized physician order entry",
                rev(104, "2012-01-01T00:00:00Z", "Carol RN", "more", "CPOE, again.")));
        assertThat(wiki.reader().article(CPOE, Optional.empty()).markdown()).as("still kept after the next import")
                .isEqualTo("Edited in Clinwiki.");
    }

    @Test
    void projectPagesGoToTheProjectNamespaceAndUnknownNamespacesKeepTheirPrefix() throws IOException {
        importDump(new Dumps("clinfowiki")
                .page(20, 4, "Clinfowiki:About", rev(200, "2012-01-01T00:00:00Z", "Alice Nurse", "", "About this wiki."))
                .page(21, 100, "Portal:Nursing", rev(201, "2012-01-01T00:00:00Z", "Alice Nurse", "", "Nursing portal.")));

        assertThat(wiki.reader().article(Title.parse("Project:About"), Optional.empty()).markdown()).isEqualTo("About this wiki.");
        assertThat(wiki.reader().article(Title.parse("Portal:Nursing"), Optional.empty()).markdown()).isEqualTo("Nursing portal.");
        assertThat(wiki.importReport().entries(Long.MAX_VALUE, "namespace 100", 10)).hasSize(1);
    }

    @Test
    void aTamperedRevisionIsImportedAndReportedWhenItsSha1DoesNotMatch() throws IOException {
        Path file = dumps.resolve("tampered.xml");
        Files.writeString(file, cpoeHistory().xml().replace("CPOE lets clinicians enter orders.</text>", "CPOE was altered.</text>"));

        importFile(file);

        assertThat(wiki.importReport().entries(Long.MAX_VALUE, "SHA-1", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.sourceRevisionId()).hasValue(100));
    }

    @Test
    void malformedXmlStopsWithItsLineAndColumnAndKeepsWhatWasImported() throws IOException {
        String xml = cpoeHistory().page(11, 0, "Alert fatigue", rev(110, "2012-01-01T00:00:00Z", "Bob MD", "", "Too many alerts.")).xml();
        Path file = dumps.resolve("broken.xml");
        Files.writeString(file, xml.substring(0, xml.indexOf("<title>Alert fatigue")) + "<title>Alert <fatigue</title>");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(MalformedDumpException.class)
                .satisfies(e -> assertThat(((MalformedDumpException) e).line()).isPositive());
        assertThat(history(CPOE)).hasSize(4);
    }

    @Test
    void pagesImportedBeforeTheirTemplateGetItsCategoriesEvenWhenTheDumpBreaksOffAfterIt() throws Exception {
        String xml = new Dumps("clinfowiki")
                .page(30, 0, "Physician", rev(300, "2012-01-01T00:00:00Z", "Bob MD", "", "A doctor.\n\n{{Stub}}"))
                .page(31, 10, "Template:Stub", rev(301, "2012-01-02T00:00:00Z", "Bob MD", "",
                        "''A stub.''<includeonly>[[Category:Stubs]]</includeonly>"))
                .page(32, 0, "Nurse", rev(302, "2012-01-03T00:00:00Z", "Bob MD", "", "A nurse.")).xml();
        Path file = dumps.resolve("cut.xml");
        Files.writeString(file, xml.substring(0, xml.indexOf("<title>Nurse")) + "<title>Nurse</ti");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(MalformedDumpException.class);

        assertThat(wiki.categories().listing("Stubs", "", 10).pages()).containsExactly(Title.parse("Physician"));
        try (var connection = org.clinwiki.testing.TestDatabases.connect(dataDir);
             var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM template_changes")) {
            rows.next();
            assertThat(rows.getLong(1)).as("nothing left for the server to work off again").isZero();
        }
    }

    @Test
    void reconvertRewritesOnlyImportedRevisionsAndKeepsTheirAuthors() throws IOException {
        importDump(cpoeHistory());
        User editor = wiki.users().create("jdoe", "Jane Doe", "", Role.EDITOR, "a long password here");
        Title other = Title.parse("Alert fatigue");
        wiki.pages().replace(new Actor(editor, "local"), other, "Written here.", "local");
        List<Revision> before = history(CPOE);

        Reconversion.Result result = wiki.reconversion().run(Optional.of(1L), converted -> { });

        assertThat(result.converted()).isEqualTo(3);
        assertThat(history(CPOE)).extracting(Revision::id, r -> r.author().name(), Revision::timestamp)
                .isEqualTo(before.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.author().name(), r.timestamp())).toList());
        assertThat(wiki.reader().article(other, Optional.empty()).markdown()).isEqualTo("Written here.");
    }

    @Test
    void anActivatedImportedAuthorCanLogIn() throws IOException {
        importDump(cpoeHistory());
        assertThatThrownBy(() -> wiki.logins().login("Alice_Nurse", "a long password here", "local", TokenKind.API))
                .isInstanceOf(WikiException.class);

        wiki.users().activate("Alice_Nurse", "a long password here");

        assertThat(wiki.logins().login("Alice_Nurse", "a long password here", "local", TokenKind.API).user().name())
                .isEqualTo("Alice_Nurse");
    }

    @Test
    void mergingAnImportedAuthorCreditsTheRealAccountNowAndInLaterImports() throws IOException {
        importDump(cpoeHistory());
        wiki.users().create("alice", "Alice N.", "RN", Role.EDITOR, "a long password here");

        int moved = wiki.authorMerge().merge(FirstRun.systemActor(wiki), "Alice_Nurse", "alice");
        importDump(new Dumps("clinfowiki").page(10, 0, "Computerized physician order entry",
                rev(105, "2013-01-01T00:00:00Z", "Alice Nurse", "later", "CPOE, later.")));

        assertThat(moved).isEqualTo(1);
        assertThat(history(CPOE)).filteredOn(r -> r.author().name().equals("alice")).extracting(Revision::summary)
                .containsExactly("first draft", "later");
        User viewer = wiki.users().create("viewer", "", "", Role.EDITOR, "a long password here");
        assertThatThrownBy(() -> wiki.authorMerge().merge(new Actor(viewer, "local"), "Bob_MD", "viewer"))
                .isInstanceOf(WikiException.class);
    }
}
