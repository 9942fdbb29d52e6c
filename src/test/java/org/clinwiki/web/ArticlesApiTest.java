package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section editing, talk topics with signatures, and templates, over the API. */
class ArticlesApiTest extends WikiTestCase {

    String editor;
    String other;

    @BeforeAll
    void accounts() {
        editor = wiki.login("editor", Role.EDITOR);
        other = wiki.login("other", Role.EDITOR);
    }

    private long latest(String title) {
        return wiki.get("/api/v1/pages/" + title).json().path("revision").path("id").asLong();
    }

    private String markdown(String title) {
        return wiki.get("/api/v1/pages/" + title).json().path("markdown").asText();
    }

    @Test
    void aSectionEditChangesOnlyThatSectionAndMergesWithAnotherSectionsEdit() {
        wiki.save("Sectioned", "Lead\n\n## Alpha\n\nalpha\n\n## Beta\n\nbeta\n\n## Gamma\n\ngamma", editor);
        long base = latest("Sectioned");
        // Someone else changes the first section meanwhile.
        TestWiki.Response first = wiki.put("/api/v1/pages/Sectioned", other,
                json("markdown", "## Alpha\n\nalpha, revised", "baseRevisionId", base, "section", 1));
        assertThat(first.status()).isEqualTo(200);
        TestWiki.Response second = wiki.put("/api/v1/pages/Sectioned", editor,
                json("markdown", "## Beta\n\nbeta, revised", "baseRevisionId", base, "section", 2));
        assertThat(second.status()).isEqualTo(200);
        assertThat(markdown("Sectioned"))
                .isEqualTo("Lead\n\n## Alpha\n\nalpha, revised\n\n## Beta\n\nbeta, revised\n\n## Gamma\n\ngamma");
        JsonNode history = wiki.get("/api/v1/pages/Sectioned/revisions").json().path("revisions");
        assertThat(history.get(0).path("summary").asText()).isEqualTo("/* Beta */");
    }

    @Test
    void clashingSectionEditsConflictAsWholePageEditsDo() {
        wiki.save("Clash", "## One\n\nline", editor);
        long base = latest("Clash");
        wiki.put("/api/v1/pages/Clash", other, json("markdown", "## One\n\ntheirs", "baseRevisionId", base, "section", 1));
        TestWiki.Response mine = wiki.put("/api/v1/pages/Clash", editor,
                json("markdown", "## One\n\nmine", "baseRevisionId", base, "section", 1));
        assertThat(mine.status()).isEqualTo(409);
        assertThat(mine.errorCode()).isEqualTo("edit_conflict");
    }

    @Test
    void badSectionRequestsAreRefusedAndChangeNothing() {
        wiki.save("Few_sections", "## Only\n\ntext", editor);
        long base = latest("Few_sections");
        assertThat(wiki.put("/api/v1/pages/Few_sections", editor, json("markdown", "x", "baseRevisionId", base, "section", 7))
                .errorCode()).isEqualTo("invalid_section");
        assertThat(wiki.put("/api/v1/pages/Few_sections", editor, json("markdown", "x", "baseRevisionId", base, "section", "two"))
                .errorCode()).isEqualTo("invalid_section");
        assertThat(wiki.put("/api/v1/pages/Few_sections", editor, json("markdown", "x", "section", 1)).errorCode())
                .isEqualTo("missing_base_revision");
        assertThat(wiki.put("/api/v1/pages/Few_sections", editor, json("markdown", "x", "section", "new")).errorCode())
                .isEqualTo("missing_section_title");
        assertThat(markdown("Few_sections")).isEqualTo("## Only\n\ntext");
    }

    @Test
    void addingATopicToATalkPageSignsIt() {
        TestWiki.Response created = wiki.put("/api/v1/pages/Talk:Metformin", editor,
                json("markdown", "Should we list eGFR thresholds? ~~~~\n\n`~~~~` stays", "section", "new", "sectionTitle", "Dosing"));
        assertThat(created.status()).isEqualTo(201);
        wiki.put("/api/v1/pages/Talk:Metformin", other,
                json("markdown", ":Yes. ~~~", "section", "new", "sectionTitle", "Reply"));
        String text = markdown("Talk:Metformin");
        assertThat(text).startsWith("## Dosing\n\nShould we list eGFR thresholds? [[User:editor|")
                .contains("([[User talk:editor|talk]]) ", " (UTC)\n\n`~~~~` stays\n\n## Reply\n\n:Yes. [[User:other|")
                .doesNotContain("Yes. ~~~").matches("(?s).*talk]]\\) \\d\\d:\\d\\d, \\d{1,2} [A-Z][a-z]+ \\d{4} \\(UTC\\).*");
        String html = wiki.get("/wiki/Talk:Metformin").body();
        assertThat(html).contains("href=\"/wiki/User_talk:Editor\"", "<div class=\"reply\">Yes.", "Add topic");
        JsonNode history = wiki.get("/api/v1/pages/Talk:Metformin/revisions").json().path("revisions");
        assertThat(history.get(0).path("summary").asText()).isEqualTo("/* Reply */ new section");
    }

    @Test
    void aPreviewShowsTheSignatureTheSaveWillStore() {
        String html = wiki.post("/api/v1/preview", editor, json("markdown", "Agreed. ~~~~")).json().path("html").asText();
        assertThat(html).contains("href=\"/wiki/User:Editor\"", "href=\"/wiki/User_talk:Editor\"", "(UTC)").doesNotContain("~~~~");
    }

    @Test
    void editingATemplateChangesEveryPageUsingIt() {
        wiki.save("Template:Notice", "Old notice <includeonly>[[Category:Old notices]]</includeonly>", editor);
        wiki.save("Uses_notice", "{{Notice}}\n\nBody", editor);
        wiki.save("Also_uses_notice", "Intro {{Notice}}", editor);
        assertThat(wiki.get("/wiki/Uses_notice").body()).contains("Old notice");
        assertThat(wiki.get("/api/v1/pages/Template:Notice/transclusions").json().path("transclusions"))
                .extracting(JsonNode::asText).containsExactly("Also uses notice", "Uses notice");
        assertThat(wiki.get("/api/v1/categories/Old_notices").json().path("pages")).hasSize(2);

        wiki.save("Template:Notice", "Fresh notice quinquevalent <includeonly>[[Category:New notices]]</includeonly>", other);
        // The next view shows the new text at once; links, categories and search follow in the background.
        assertThat(wiki.get("/wiki/Uses_notice").body()).contains("Fresh notice").doesNotContain("Old notice");
        assertThat(wiki.get("/api/v1/pages/Also_uses_notice").json().path("html").asText()).contains("Fresh notice");
        await(() -> wiki.get("/api/v1/categories/New_notices").json().path("pages").size() == 2);
        assertThat(wiki.get("/api/v1/categories/Old_notices").json().path("pages")).isEmpty();
        wiki.awaitSearchable();
        assertThat(wiki.searchTitles("quinquevalent")).contains("Uses notice", "Also uses notice");
    }

    @Test
    void aMissingTemplateIsARedLinkUntilItIsCreated() {
        wiki.save("Waits_for_template", "{{Later}} text", editor);
        assertThat(wiki.get("/wiki/Waits_for_template").body()).contains("href=\"/wiki/Template:Later\" class=\"wikilink new\"");
        wiki.save("Template:Later", "Now here <includeonly>[[Category:Arrived]]</includeonly>", editor);
        assertThat(wiki.get("/wiki/Waits_for_template").body()).contains("Now here");
        await(() -> wiki.get("/api/v1/categories/Arrived").json().path("pages").size() == 1);
    }

    @Test
    void templateLoopsShowAnErrorNotAFailure() {
        wiki.save("Template:Ping", "{{Pong}}", editor);
        wiki.save("Template:Pong", "{{Ping}}", editor);
        TestWiki.Response page = wiki.get("/api/v1/pages/Template:Ping");
        assertThat(page.status()).isEqualTo(200);
        wiki.save("Loops", "{{Ping}} and on", editor);
        assertThat(wiki.get("/wiki/Loops").body()).contains("Template loop", "and on");
    }

    @Test
    void theSectionEditFormHoldsOnlyThatSection() {
        wiki.save("Form_sections", "Lead\n\n## Background\n\nold background\n\n## Use\n\nuse", editor);
        String cookie = wiki.login("formeditor", Role.EDITOR);
        TestWiki.Response form = wiki.get("/wiki/Form_sections/edit?section=1", cookie);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("## Background\n\nold background</textarea>", "value=\"/* Background */ \"",
                "name=\"section\" value=\"1\"").doesNotContain("## Use\n\nuse</textarea>");
        assertThat(wiki.get("/wiki/Form_sections").body()).contains("href=\"/wiki/Form_sections/edit?section=2\"");
        assertThat(wiki.get("/wiki/Form_sections/edit?section=9", cookie).status()).isEqualTo(400);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
