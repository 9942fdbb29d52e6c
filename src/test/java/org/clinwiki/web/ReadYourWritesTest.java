package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.clinwiki.testing.ImageFixtures;
import org.clinwiki.testing.TestDatabases;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page write answers with the change number it committed ({@code changeSeq}, header
 * {@code Clinwiki-Change}); a search given it as {@code ?after=} waits for this node's index to
 * show it, and says so when it could not; page reads take it and need not wait.
 */
class ReadYourWritesTest extends WikiTestCase {

    private String editor;
    private String admin;

    @BeforeAll
    void accounts() {
        editor = wiki.login("writer", Role.EDITOR);
        admin = wiki.login("moderator", Role.ADMIN);
    }

    private long latest() {
        return wiki.wiki().reader().changeSequence();
    }

    /** The change number an answer gives in its header, checked against its JSON when it has one. */
    private static long change(Response response) {
        assertThat(response.header("Clinwiki-Change")).as(response.toString()).isNotNull();
        long change = Long.parseLong(response.header("Clinwiki-Change"));
        if (response.body().startsWith("{")) {
            assertThat(response.json().path("changeSeq").asLong()).as(response.body()).isEqualTo(change);
        }
        return change;
    }

    @Test
    void savesAndRevertsAnswerTheChangeTheyCommitted() {
        Response created = wiki.put("/api/v1/pages/Token_page", editor, json("markdown", "First.", "summary", "new"));
        assertThat(created.status()).isEqualTo(201);
        long first = change(created);
        assertThat(first).isPositive().isEqualTo(latest());
        long revision = created.json().path("revision").path("id").asLong();
        Response saved = wiki.put("/api/v1/pages/Token_page", editor,
                json("markdown", "Second.", "summary", "more", "baseRevisionId", revision));
        long second = change(saved);
        assertThat(second).isGreaterThan(first);
        Response reverted = wiki.post("/api/v1/pages/Token_page/revert", editor, json("revisionId", revision));
        assertThat(change(reverted)).isGreaterThan(second).isEqualTo(latest());
    }

    @Test
    void anUnchangedSaveAnswersTheLatestChangeWhichHoldsTheText() {
        JsonNode saved = wiki.save("Same_again", "Same text.", editor);
        Response again = wiki.put("/api/v1/pages/Same_again", editor, json("markdown", "Same text.", "summary", "again",
                "baseRevisionId", saved.path("revision").path("id").asLong()));
        assertThat(again.json().path("changed").asBoolean()).isFalse();
        assertThat(change(again)).isGreaterThanOrEqualTo(saved.path("changeSeq").asLong()).isEqualTo(latest());
    }

    @Test
    void protectionDeletionRestoreAndUploadsAnswerTheirChangeToo() {
        wiki.save("Moderated_page", "Text.", editor);
        long before = latest();
        long protect = change(wiki.post("/api/v1/pages/Moderated_page/protection", admin, json("edit", "admin")));
        assertThat(protect).isGreaterThan(before);
        Response deleted = wiki.delete("/api/v1/pages/Moderated_page", admin);
        assertThat(deleted.status()).isEqualTo(204);
        long delete = change(deleted);
        assertThat(delete).isGreaterThan(protect);
        long restore = change(wiki.post("/api/v1/pages/Moderated_page/restore", admin, ""));
        assertThat(restore).isGreaterThan(delete);
        Response uploaded = wiki.upload(editor, "Token chart.png", ImageFixtures.png(40, 30));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(change(uploaded)).isGreaterThan(restore).isEqualTo(latest());
        assertThat(wiki.get("/api/v1/pages/Moderated_page").json().has("changeSeq")).as("only writes carry it").isFalse();
    }

    @Test
    void formsSayTheirChangeOnTheRedirect() {
        Visitor visitor = new Visitor(wiki);
        wiki.wiki().users().create("formwriter", "Form Writer", "", Role.ADMIN, TestWiki.PASSWORD);
        visitor.logIn("formwriter");
        String csrf = visitor.formToken("/wiki/Form_token/edit");
        Response saved = visitor.post("/wiki/Form_token/edit", null, "csrf", csrf, "markdown", "From a form.", "summary", "s");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(change(saved)).isEqualTo(latest());
        csrf = visitor.formToken("/special/page-admin?title=Form_token");
        Response deleted = visitor.post("/special/page-admin/delete", null, "csrf", csrf, "title", "Form_token", "reason", "r");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(Long.parseLong(deleted.header("Clinwiki-Change"))).isEqualTo(latest());
    }

    @Test
    void aSearchAfterAChangeFindsIt() {
        long change = wiki.save("Zanamivir_dosing", "Zanamivir for influenza.", editor).path("changeSeq").asLong();
        JsonNode found = wiki.search("zanamivir", "after=" + change);
        assertThat(found.path("complete").asBoolean()).isTrue();
        assertThat(found.path("results").path(0).path("title").asText()).isEqualTo("Zanamivir dosing");
        JsonNode suggested = wiki.get("/api/v1/search/suggest?q=Zanami&after=" + change).json();
        assertThat(suggested.path("titles").path(0).asText()).isEqualTo("Zanamivir dosing");
        assertThat(suggested.path("complete").asBoolean()).isTrue();
        assertThat(wiki.search("zanamivir").path("complete").asBoolean()).as("without after").isTrue();
    }

    @Test
    void aMadeUpChangeNumberDoesNotHoldTheSearch() {
        wiki.save("Made_up", "Text.", editor);
        wiki.awaitSearchable();
        long start = System.nanoTime();
        JsonNode found = wiki.search("anything", "after=999999999999");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ReadYourWrites.SEARCH_WAIT);
        assertThat(found.path("complete").asBoolean()).as("everything the database holds is searchable").isTrue();
    }

    @Test
    void readsTakeAfterAndRefuseWhatIsNoChangeNumber() {
        long change = wiki.save("Read_after", "Text.", editor).path("changeSeq").asLong();
        assertThat(wiki.get("/api/v1/pages/Read_after?after=" + change).status()).isEqualTo(200);
        assertThat(wiki.get("/wiki/Read_after?after=" + change).status()).isEqualTo(200);
        assertThat(wiki.get("/api/v1/pages/Read_after/revisions?after=0").status()).isEqualTo(200);
        for (String bad : new String[] {"abc", "-1", "1.5", "99999999999999999999"}) {
            Response api = wiki.get("/api/v1/pages/Read_after?after=" + bad);
            assertThat(api.status()).as(bad).isEqualTo(400);
            assertThat(api.errorCode()).isEqualTo("invalid_after");
            assertThat(wiki.get("/api/v1/search?q=text&after=" + bad).errorCode()).isEqualTo("invalid_after");
        }
        Response page = wiki.get("/wiki/Read_after?after=abc");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("change number");
        assertThat(wiki.get("/search?q=text&after=abc").status()).isEqualTo(400);
        assertThat(wiki.get("/wiki/Category:Anything?after=Zebra").status()).as("a category's list continues after a title")
                .isNotEqualTo(400);
    }

    @Test
    void aSearchOnANodeWhoseIndexIsBehindAnswersAnywayAndSaysSo(@TempDir Path dataDir) throws Exception {
        try (TestWiki behind = TestWiki.start(dataDir)) {
            String writer = behind.login("laggard", Role.EDITOR);
            behind.save("Oseltamivir", "Oseltamivir for influenza.\n\n[[Category:Antivirals]]", writer);
            behind.awaitSearchable();
            // As a change committed through another node that this node's index has not reached yet.
            try (Connection connection = TestDatabases.connect(dataDir); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE sequences SET value = value + 3 WHERE name = 'page_changes'");
            }
            long unseen = behind.wiki().reader().changeSequence();
            assertThat(behind.get("/health").json().path("indexLag").asLong()).isEqualTo(3);

            long start = System.nanoTime();
            JsonNode results = behind.search("oseltamivir", "after=" + unseen);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ReadYourWrites.SEARCH_WAIT);
            assertThat(results.path("complete").asBoolean()).isFalse();
            assertThat(results.path("results").path(0).path("title").asText()).as("answered anyway").isEqualTo("Oseltamivir");
            Response suggest = behind.get("/api/v1/search/suggest?q=Osel&after=" + unseen);
            assertThat(suggest.json().path("complete").asBoolean()).isFalse();
            assertThat(suggest.header("Cache-Control")).isEqualTo("no-store");
            Response page = behind.get("/search?q=oseltamivir&fulltext=1&after=" + unseen);
            assertThat(page.status()).isEqualTo(200);
            // Its links (here the category filter) keep asking for the change.
            assertThat(page.body()).contains("Still indexing recent changes").contains("after=" + unseen);

            // The next change on this node is one the index does reach: it has caught up.
            long next = behind.save("Baloxavir", "Baloxavir for influenza.", writer).path("changeSeq").asLong();
            assertThat(behind.search("baloxavir", "after=" + next).path("complete").asBoolean()).isTrue();
            assertThat(behind.get("/search?q=oseltamivir&fulltext=1&after=" + next).body()).doesNotContain("Still indexing");
        }
    }
}
