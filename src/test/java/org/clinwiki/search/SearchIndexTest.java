package org.clinwiki.search;

import org.clinwiki.testing.TestDatabases;
import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.cli.Main;
import org.clinwiki.page.PageSnapshot;
import org.clinwiki.page.Replacement;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.title.Title;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database is the source of truth: the index catches up with what it missed, rebuilds
 * itself when missing or damaged, and {@code reindex} rebuilds it on demand.
 */
class SearchIndexTest {

    @TempDir
    Path data;

    @Test
    void deletingTheIndexDirectoryAndRestartingLosesNothing() throws IOException {
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Sepsis_screening", "Screening for sepsis with the qSOFA score.", editor);
            wiki.save("Stroke_alerts", "Door-to-needle time for stroke.", editor);
            wiki.awaitSearchable();
        }
        deleteTree(data.resolve(IndexFiles.DIRECTORY));
        try (TestWiki wiki = TestWiki.start(data)) {
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("qsofa")).containsExactly("Sepsis screening");
            assertThat(wiki.searchTitles("stroke")).containsExactly("Stroke alerts");
            assertThat(wiki.get("/api/v1/search/suggest?q=sep").json().path("titles").get(0).asText())
                    .isEqualTo("Sepsis screening");
        }
    }

    @Test
    void aSavesParsedTextIsUsedOnlyForItsOwnRevision() throws Exception {
        try (Wiki wiki = Wiki.open(TestDatabases.config(data), Clock.systemUTC())) {
            write(wiki, "Vasopressors", "Start with norepinephrine.");
            PageSnapshot first = wiki.pageFeed().current(Title.parse("Vasopressors")).getFirst();
            write(wiki, "Vasopressors", "Add vasopressin.");
            PageSnapshot second = wiki.pageFeed().current(Title.parse("Vasopressors")).getFirst();
            try (SearchIndex index = SearchIndex.open(data, wiki.pageFeed(), wiki.renderer(), wiki.vocabulary())) {
                // Offered before the indexer runs: the older revision's parse must not stand for the page.
                index.revisionSaved(first, wiki.renderer().parse("Start with norepinephrine."));
                index.revisionSaved(second, wiki.renderer().parse("Add vasopressin."));
                index.start();
                assertThat(hitsOnceCurrent(index, "vasopressin")).isEqualTo(1);
                assertThat(hitsOnceCurrent(index, "norepinephrine")).isZero();
            }
        }
    }

    @Test
    void aHandedOverChangeWaitsForTheChangesBeforeIt() throws Exception {
        try (Wiki wiki = Wiki.open(TestDatabases.config(data), Clock.systemUTC())) {
            write(wiki, "Vasopressors", "Start with norepinephrine.");
            write(wiki, "Inotropes", "Dobutamine for low output.");
            PageSnapshot second = wiki.pageFeed().current(Title.parse("Inotropes")).getFirst();
            try (SearchIndex index = SearchIndex.open(data, wiki.pageFeed(), wiki.renderer(), wiki.vocabulary())) {
                // Change 2 handed over while the index holds nothing: change 1 must still be read from the feed.
                index.revisionSaved(second, wiki.renderer().parse("Dobutamine for low output."));
                index.start();
                assertThat(hitsOnceCurrent(index, "norepinephrine")).isEqualTo(1);
                assertThat(hitsOnceCurrent(index, "dobutamine")).isEqualTo(1);
            }
        }
    }

    /** Writes a page as an import does: to the database only, whatever index is open. */
    private static void write(Wiki wiki, String title, String markdown) {
        var actor = new org.clinwiki.user.Actor(wiki.users().systemAccount("Clinwiki"), "local");
        wiki.pages().replace(actor, Title.parse(title), markdown, "test");
    }

    /** Waits until the started index has caught up, and counts the pages {@code query} finds. */
    private static long hitsOnceCurrent(SearchIndex index, String query) throws InterruptedException {
        assertThat(index.awaitCurrent(java.time.Duration.ofSeconds(30))).isTrue();
        return new SearchService(index, new org.clinwiki.render.Sanitizer()).search(SearchRequest.of(query)).total();
    }

    @Test
    void everyDocumentHasALengthForEachScoredFieldRedirectsToo() throws Exception {
        try (Wiki wiki = Wiki.open(TestDatabases.config(data), Clock.systemUTC())) {
            write(wiki, "Vasopressors", "Start with norepinephrine.");
            write(wiki, "Pressors", "#REDIRECT [[Vasopressors]]");
            try (SearchIndex index = SearchIndex.open(data, wiki.pageFeed(), wiki.renderer(), wiki.vocabulary()).start()) {
                assertThat(index.awaitCurrent(java.time.Duration.ofSeconds(30))).isTrue();
                index.withSearcher(searcher -> {
                    // A gap would make scoring find each page's length through a sparse index.
                    assertThat(searcher.getIndexReader().numDocs()).isEqualTo(2);
                    for (var leaf : searcher.getIndexReader().leaves()) {
                        for (String field : List.of(SearchFields.ALL, SearchFields.TITLE, SearchFields.OUTLINE)) {
                            var norms = leaf.reader().getNormValues(field);
                            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                                assertThat(norms.advanceExact(doc)).as(field + " of document " + doc).isTrue();
                            }
                        }
                    }
                    return null;
                });
            }
        }
    }

    @Test
    void aRedirectRetargetedAfterARestartLeavesItsOldTarget() throws InterruptedException {
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Alpha_target", "First page.", editor);
            wiki.save("Beta_target", "Second page.", editor);
            wiki.save("Wobbleflange", "#REDIRECT [[Alpha target]]", editor);
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("wobbleflange")).containsExactly("Alpha target");
        }
        // The index remembers which redirects it holds across the restart.
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("jonas", Role.EDITOR);
            wiki.save("Wobbleflange", "#REDIRECT [[Beta target]]", editor);
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("wobbleflange")).containsExactly("Beta target");
        }
    }

    @Test
    void changesMadeWhileTheServerWasDownAreCaughtUpOnStart() {
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Early_page", "Written while the server ran: heparin.", editor);
            wiki.awaitSearchable();
        }
        // An import from the command line writes to the database only; no index is open.
        try (Wiki offline = Wiki.open(TestDatabases.config(data), Clock.systemUTC())) {
            var actor = new org.clinwiki.user.Actor(offline.users().systemAccount("Clinwiki"), "local");
            offline.pages().replaceAll(actor, java.util.List.of(
                    new Replacement(Title.parse("Late_page"), "Written offline: warfarin.", "import"),
                    new Replacement(Title.parse("Early_page"), "Rewritten offline: enoxaparin.", "import")));
        }
        try (TestWiki wiki = TestWiki.start(data)) {
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("warfarin")).containsExactly("Late page");
            assertThat(wiki.searchTitles("enoxaparin")).containsExactly("Early page");
            assertThat(wiki.searchTitles("heparin")).isEmpty();
        }
    }

    @Test
    void aCorruptIndexIsRebuiltWhileTheServerAnswers() throws IOException {
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Insulin_drips", "Titrating insulin infusions by protocol.", editor);
            wiki.awaitSearchable();
        }
        Path index = data.resolve(IndexFiles.DIRECTORY);
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, "not a Lucene file".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (TestWiki wiki = TestWiki.start(data)) {
            assertThat(wiki.get("/api/v1/search?q=insulin").status()).isEqualTo(200);
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("insulin")).containsExactly("Insulin drips");
        }
    }

    @Test
    void reindexRebuildsFromScratchWithProgressAndRefusesWhileServing() throws IOException {
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            for (int i = 0; i < 5; i++) {
                wiki.save("Vaccine_lot_" + i, "Lot tracking for vaccines, lot " + i + ".", editor);
            }
            wiki.awaitSearchable();
            StringWriter err = new StringWriter();
            int refused = Main.run(new String[] {"reindex", "--data", data.toString(), "--database", TestDatabases.databaseFor(data)}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true));
            assertThat(refused).isEqualTo(1);
            assertThat(err.toString()).contains("in use by another Clinwiki process");
            assertThat(wiki.searchTitles("vaccines")).hasSize(5);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"reindex", "--data", data.toString(), "--database", TestDatabases.databaseFor(data)}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).contains("indexed 5 of 5 pages");
        assertThat(out.toString()).startsWith("Indexed 5 pages in");
        try (TestWiki wiki = TestWiki.start(data)) {
            assertThat(wiki.searchTitles("vaccines")).hasSize(5);
        }
    }

    @Test
    void administratorsExtendTheVocabularyWithAFileInTheDataDirectory() throws IOException {
        Files.createDirectories(data);
        Files.writeString(data.resolve(ClinicalSynonyms.LOCAL_FILE), """
                # local terms
                gcs, glasgow coma scale
                """);
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Neuro_checks", "Record the Glasgow coma scale hourly.", editor);
            wiki.save("Trauma_bay", "The EHR flowsheet for trauma.", editor);
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("GCS")).containsExactly("Neuro checks");
            // The shipped list still applies.
            assertThat(wiki.searchTitles("electronic health record")).containsExactly("Trauma bay");
        }
    }

    @Test
    void aChangedVocabularyRebuildsTheIndexOnStart() throws IOException {
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Neuro_checks", "Record the Glasgow coma scale hourly.", editor);
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("GCS")).isEmpty();
        }
        // The vocabulary's phrases are indexed as concept terms: pages written before the new group must get them.
        Files.writeString(data.resolve(ClinicalSynonyms.LOCAL_FILE), "gcs, glasgow coma scale\n");
        try (TestWiki wiki = TestWiki.start(data)) {
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("GCS")).containsExactly("Neuro checks");
            assertThat(wiki.searchTitles("glasgow coma scale")).containsExactly("Neuro checks");
        }
    }

    @Test
    void aBrokenLocalVocabularyIsIgnoredNotFatal() throws IOException {
        Files.createDirectories(data);
        Files.writeString(data.resolve(ClinicalSynonyms.LOCAL_FILE), "broken => => =>\n,,,\n");
        try (TestWiki wiki = TestWiki.start(data)) {
            String editor = wiki.login("ines", Role.EDITOR);
            wiki.save("Trauma_bay", "The EHR flowsheet for trauma.", editor);
            wiki.awaitSearchable();
            assertThat(wiki.searchTitles("electronic health record")).containsExactly("Trauma bay");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
