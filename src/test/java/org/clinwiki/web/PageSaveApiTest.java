package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageSaveApiTest extends WikiTestCase {

    String alice;
    String bob;

    @BeforeAll
    void accounts() {
        alice = wiki.login("alice", Role.EDITOR, "MD, clinical informaticist");
        bob = wiki.login("bob", Role.EDITOR, "RN, CNIO");
    }

    private Response put(String title, String token, Object... fields) {
        return wiki.put("/api/v1/pages/" + title, token, json(fields));
    }

    @Test
    void creatingAPageAnswers201WithTheFirstRevision() {
        Response response = put("Clinical_decision_support", alice, "markdown", "CDS helps clinicians.", "summary", "new page");
        assertThat(response.status()).isEqualTo(201);
        JsonNode revision = response.json().path("revision");
        assertThat(response.json().path("title").asText()).isEqualTo("Clinical decision support");
        assertThat(response.json().path("outcome").asText()).isEqualTo("created");
        assertThat(revision.path("parentId").isNull()).isTrue();
        assertThat(revision.path("summary").asText()).isEqualTo("new page");
        assertThat(revision.path("size").asInt()).isEqualTo("CDS helps clinicians.".length());
        assertThat(revision.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    @Test
    void savingFromTheLatestRevisionAnswers200WithItAsParent() {
        long first = put("Alert_fatigue", alice, "markdown", "v1").json().path("revision").path("id").asLong();
        Response second = put("Alert_fatigue", bob, "markdown", "v2", "baseRevisionId", first, "minor", true);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("outcome").asText()).isEqualTo("saved");
        assertThat(second.json().path("revision").path("parentId").asLong()).isEqualTo(first);
        assertThat(second.json().path("revision").path("minor").asBoolean()).isTrue();
        assertThat(wiki.get("/api/v1/pages/Alert_fatigue").json().path("markdown").asText()).isEqualTo("v2");
    }

    @Test
    void eachRevisionRecordsItsAuthorWithDisplayNameAndCredentials() {
        long first = put("Attribution", alice, "markdown", "by alice").json().path("revision").path("id").asLong();
        put("Attribution", bob, "markdown", "by bob", "baseRevisionId", first);
        JsonNode revisions = wiki.get("/api/v1/pages/Attribution/revisions").json().path("revisions");
        assertThat(revisions.get(0).path("author").path("name").asText()).isEqualTo("bob");
        assertThat(revisions.get(0).path("author").path("credentials").asText()).isEqualTo("RN, CNIO");
        assertThat(revisions.get(1).path("author").path("name").asText()).isEqualTo("alice");
        assertThat(revisions.get(1).path("author").path("displayName").asText()).isEqualTo("alice Display");
        assertThat(revisions.get(1).path("author").path("credentials").asText()).isEqualTo("MD, clinical informaticist");
    }

    @Test
    void savingIdenticalTextCreatesNoRevision() {
        long first = put("No-op", alice, "markdown", "same text\n").json().path("revision").path("id").asLong();
        Response again = put("No-op", bob, "markdown", "same text\r\n\n  ", "baseRevisionId", first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asText()).isEqualTo("unchanged");
        assertThat(again.json().path("changed").asBoolean()).isFalse();
        assertThat(again.json().path("revision").path("id").asLong()).isEqualTo(first);
        assertThat(wiki.get("/api/v1/pages/No-op/revisions").json().path("revisions")).hasSize(1);
    }

    @Test
    void staleBaseWithChangesToDifferentLinesMergesCleanly() {
        String base = "Intro.\n\nBenefits.\n\nRisks.";
        long v1 = put("CPOE", alice, "markdown", base).json().path("revision").path("id").asLong();
        put("CPOE", alice, "markdown", "Intro, improved.\n\nBenefits.\n\nRisks.", "baseRevisionId", v1);
        Response merged = put("CPOE", bob, "markdown", "Intro.\n\nBenefits.\n\nRisks: alert fatigue.", "baseRevisionId", v1);
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().path("outcome").asText()).isEqualTo("merged");
        assertThat(wiki.get("/api/v1/pages/CPOE").json().path("markdown").asText())
                .isEqualTo("Intro, improved.\n\nBenefits.\n\nRisks: alert fatigue.");
        assertThat(merged.json().path("revision").path("author").path("name").asText()).isEqualTo("bob");
    }

    @Test
    void staleBaseWithClashingChangesAnswers409CarryingBothTexts() {
        long v1 = put("HIE", alice, "markdown", "HIE moves data.").json().path("revision").path("id").asLong();
        long v2 = put("HIE", alice, "markdown", "HIE moves patient data.", "baseRevisionId", v1)
                .json().path("revision").path("id").asLong();
        Response conflict = put("HIE", bob, "markdown", "HIE shares records.", "baseRevisionId", v1);
        assertThat(conflict.status()).isEqualTo(409);
        JsonNode error = conflict.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("edit_conflict");
        assertThat(error.path("latestRevisionId").asLong()).isEqualTo(v2);
        assertThat(error.path("latestMarkdown").asText()).isEqualTo("HIE moves patient data.");
        assertThat(error.path("yourMarkdown").asText()).isEqualTo("HIE shares records.");
        assertThat(wiki.get("/api/v1/pages/HIE/revisions").json().path("revisions")).hasSize(2);
    }

    @Test
    void sameUserIsAlsoProtectedFromOverwritingTheirOwnNewerEdit() {
        long v1 = put("Self-conflict", alice, "markdown", "one").json().path("revision").path("id").asLong();
        put("Self-conflict", alice, "markdown", "two", "baseRevisionId", v1);
        assertThat(put("Self-conflict", alice, "markdown", "three", "baseRevisionId", v1).status()).isEqualTo(409);
    }

    @Test
    void creatingAPageThatAlreadyExistsConflicts() {
        put("Created_twice", alice, "markdown", "first");
        Response second = put("Created_twice", bob, "markdown", "second");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("edit_conflict");
        assertThat(second.json().path("error").path("latestMarkdown").asText()).isEqualTo("first");
    }

    @Test
    void baseRevisionOfAnotherPageIsRejected() {
        long other = put("Other_page", alice, "markdown", "x").json().path("revision").path("id").asLong();
        put("Target_page", alice, "markdown", "y");
        Response response = put("Target_page", alice, "markdown", "z", "baseRevisionId", other);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_base_revision");
    }

    @Test
    void baseRevisionForAPageThatDoesNotExistIsRejected() {
        Response response = put("Never_created", alice, "markdown", "z", "baseRevisionId", 1);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_base_revision");
        assertThat(wiki.get("/api/v1/pages/Never_created").status()).isEqualTo(404);
    }

    @Test
    void textOverTwoMebibytesAnswers413AndSavesNothing() {
        Response response = put("Huge", alice, "markdown", "x".repeat(2 * 1024 * 1024 + 1));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("too_large");
        assertThat(wiki.get("/api/v1/pages/Huge").status()).isEqualTo(404);
        assertThat(put("Just_fits", alice, "markdown", "x".repeat(2 * 1024 * 1024)).status()).isEqualTo(201);
    }

    @Test
    void summaryOverFiveHundredCharactersIsRejected() {
        Response response = put("Long_summary", alice, "markdown", "x", "summary", "s".repeat(501));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("summary_too_long");
    }

    @Test
    void missingMarkdownIsRejected() {
        Response response = put("No_text", alice, "summary", "nothing");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("missing_markdown");
    }

    @Test
    void invalidTitleAnswers400() {
        Response response = put("Bad%7Btitle", alice, "markdown", "x");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_title");
    }

    @Test
    void titlesWithSlashesAreSubpagesNotRoutes() {
        assertThat(put("CPOE/History", alice, "markdown", "subpage").status()).isEqualTo(201);
        JsonNode page = wiki.get("/api/v1/pages/CPOE/History").json();
        assertThat(page.path("title").asText()).isEqualTo("CPOE/History");
        assertThat(wiki.get("/api/v1/pages/CPOE/History/revisions").json().path("revisions")).hasSize(1);
    }

    @Test
    void titleInThePathIsNormalised() {
        put("electronic_health_record", alice, "markdown", "EHR");
        assertThat(wiki.get("/api/v1/pages/Electronic%20health%20record").json().path("title").asText())
                .isEqualTo("Electronic health record");
    }

    @Test
    void pageJsonCarriesRenderedHtmlCategoriesAndRedirect() {
        put("Existing_target", alice, "markdown", "here");
        put("Sepsis_alerts", alice, "markdown", "See [[Missing target]] and [[Existing target]].\n[[Category:Decision support]]");
        JsonNode page = wiki.get("/api/v1/pages/Sepsis_alerts").json();
        assertThat(page.path("namespace").asText()).isEqualTo("main");
        assertThat(page.path("categories").get(0).asText()).isEqualTo("Decision support");
        assertThat(page.path("redirect").isNull()).isTrue();
        assertThat(page.path("html").asText())
                .contains("class=\"wikilink new\" title=\"Missing target (page does not exist)\"")
                .contains("<a href=\"/wiki/Existing_target\" class=\"wikilink\">");
        put("Sepsis_redirect", alice, "markdown", "#REDIRECT [[Sepsis alerts]]");
        assertThat(wiki.get("/api/v1/pages/Sepsis_redirect").json().path("redirect").asText()).isEqualTo("Sepsis alerts");
    }

    @Test
    void previewRendersWithoutSaving() {
        Response response = wiki.post("/api/v1/preview", alice, json("markdown", "**bold** [[Nowhere yet]] <script>x()</script>"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("html").asText())
                .contains("<strong>bold</strong>", "wikilink new", "&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(wiki.get("/api/v1/pages/Nowhere_yet").status()).isEqualTo(404);
    }
}
