package org.clinwiki.web;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.clinwiki.db.Database;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pathological page text answers 400 too_complex wherever it is sent, and nothing is saved; an old one stays readable. */
class TooComplexPagesTest {

    @TempDir
    Path dataDir;

    @Test
    void savesAndPreviewsOfPathologicalTextAnswer400() {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            String editor = wiki.login("nester", Role.EDITOR);
            for (String text : new String[] {">".repeat(50_000), "- ".repeat(50_000), "_".repeat(500_000),
                    "[[".repeat(50_000) + "]]".repeat(50_000)}) {
                Response save = wiki.put("/api/v1/pages/Nested", editor, json("markdown", text));
                assertThat(save.status()).isEqualTo(400);
                assertThat(save.errorCode()).isEqualTo("too_complex");
                Response preview = wiki.post("/api/v1/preview", editor, json("markdown", text));
                assertThat(preview.status()).isEqualTo(400);
                assertThat(preview.errorCode()).isEqualTo("too_complex");
            }
            assertThat(wiki.get("/api/v1/pages/Nested").status()).as("nothing saved").isEqualTo(404);
            assertThat(wiki.put("/api/v1/pages/Nested", editor, json("markdown", "> fine")).status()).isEqualTo(201);
        }
    }

    @Test
    void aRevisionSavedBeforeTheLimitsStaysReadableButIsNotRevertedTo() throws Exception {
        long old;
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            String editor = wiki.login("keeper", Role.EDITOR);
            old = wiki.save("Legacy", "placeholder", editor).path("revision").path("id").asLong();
            wiki.save("Legacy", "Current text.", editor);
        }
        try (Connection sqlite = TestDatabases.connect(dataDir);
             PreparedStatement update = sqlite.prepareStatement("UPDATE revisions SET content = ? WHERE id = ?")) {
            update.setString(1, ">".repeat(5_000) + " legacy words");
            update.setLong(2, old);
            update.executeUpdate();
        }
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            String editor = wiki.token("keeper", TestWiki.PASSWORD);
            Response view = wiki.get("/wiki/Legacy?oldid=" + old);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body()).contains("nested more than", "legacy words");
            assertThat(wiki.get("/api/v1/pages/Legacy/revisions/" + old).status()).isEqualTo(200);
            Response revert = wiki.post("/api/v1/pages/Legacy/revert", editor, json("revisionId", old));
            assertThat(revert.status()).isEqualTo(400);
            assertThat(revert.errorCode()).isEqualTo("too_complex");
            assertThat(wiki.get("/api/v1/pages/Legacy").json().path("markdown").asText()).isEqualTo("Current text.");
        }
    }
}
