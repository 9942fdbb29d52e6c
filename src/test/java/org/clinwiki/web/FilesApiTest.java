package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinwiki.Config;
import org.clinwiki.file.FileLimits;
import org.clinwiki.testing.ImageFixtures;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploading, versioning, serving, embedding and guarding files, over HTTP as clients use them. */
class FilesApiTest extends WikiTestCase {

    private static final long MAX_FILE_BYTES = 200_000;

    String editor;
    String admin;
    String reader;

    @Override
    protected Config configure(Config config) {
        return config.withFiles(new FileLimits(MAX_FILE_BYTES, 50_000_000, List.of()));
    }

    @BeforeAll
    void accounts() {
        editor = wiki.login("uploader", Role.EDITOR);
        admin = wiki.login("curator", Role.ADMIN);
        reader = wiki.login("onlooker", Role.READER);
    }

    private static byte[] png(int width, int height) {
        return ImageFixtures.png(width, height);
    }

    private static BufferedImage image(byte[] bytes) {
        return ImageFixtures.read(bytes);
    }

    @Test
    void anUploadMakesAFileWithAPageHistoryAndARecentChange() {
        TestWiki.Response created = wiki.upload(editor, "Order entry.png", png(600, 400), "comment", "CPOE screen");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("outcome").asText()).isEqualTo("created");
        JsonNode file = wiki.get("/api/v1/files/Order_entry.png").json();
        assertThat(file.path("title").asText()).isEqualTo("File:Order entry.png");
        assertThat(file.path("latest").path("mediaType").asText()).isEqualTo("image/png");
        assertThat(file.path("latest").path("width").asInt()).isEqualTo(600);
        assertThat(file.path("latest").path("sha256").asText()).hasSize(64);
        assertThat(file.path("latest").path("uploader").path("name").asText()).isEqualTo("uploader");
        assertThat(file.path("latest").path("comment").asText()).isEqualTo("CPOE screen");

        TestWiki.BytesResponse bytes = wiki.getBytes("/files/Order_entry.png");
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(image(bytes.body()).getWidth()).isEqualTo(600);
        assertThat(bytes.header("Content-Type")).isEqualTo("image/png");
        assertThat(bytes.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(bytes.header("Content-Security-Policy")).contains("default-src 'none'", "sandbox");
        assertThat(bytes.header("Content-Disposition")).startsWith("inline");

        assertThat(wiki.get("/api/v1/recent-changes?limit=5").body()).contains("File:Order entry.png", "Uploaded File:Order entry.png: CPOE screen");
        assertThat(wiki.get("/api/v1/users/uploader/contributions").body()).contains("File:Order entry.png");
        assertThat(wiki.get("/api/v1/pages/File:Order_entry.png").json().path("markdown").asText()).isEqualTo("CPOE screen");
        wiki.awaitSearchable();
        assertThat(wiki.searchTitles("order entry")).as("by name").contains("File:Order entry.png");
        assertThat(wiki.searchTitles("CPOE screen")).as("by description").contains("File:Order entry.png");
    }

    @Test
    void aNewVersionNeedsReplaceAndKeepsTheOldOne() {
        wiki.upload(editor, "Workflow.png", png(300, 200));
        TestWiki.Response again = wiki.upload(editor, "Workflow.png", png(310, 200));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("file_exists");
        TestWiki.Response replaced = wiki.upload(editor, "Workflow.png", png(320, 200), "replace", "true", "comment", "wider");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("outcome").asText()).isEqualTo("saved");
        TestWiki.Response same = wiki.upload(editor, "Workflow.png", png(320, 200), "replace", "true");
        assertThat(same.json().path("outcome").asText()).isEqualTo("unchanged");

        JsonNode versions = wiki.get("/api/v1/files/Workflow.png").json().path("versions");
        assertThat(versions).hasSize(2);
        long first = versions.get(1).path("id").asLong();
        assertThat(image(wiki.getBytes("/files/Workflow.png?version=" + first).body()).getWidth()).isEqualTo(300);
        assertThat(wiki.getBytes("/files/Workflow.png?version=" + first).header("Cache-Control")).contains("immutable");
        assertThat(image(wiki.getBytes("/files/Workflow.png").body()).getWidth()).isEqualTo(320);

        // The same bytes under another name, or a revert to them, add nothing to what is stored.
        long stored = wiki.wiki().files().storedBytes();
        assertThat(wiki.upload(editor, "Workflow copy.png", png(320, 200)).status()).isEqualTo(201);
        assertThat(wiki.wiki().files().storedBytes()).isEqualTo(stored);

        // Only administrators revert files; a revert is a new version with the old bytes.
        assertThat(wiki.post("/api/v1/files/Workflow.png/revert", editor, json("versionId", first)).status()).isEqualTo(403);
        TestWiki.Response reverted = wiki.post("/api/v1/files/Workflow.png/revert", admin, json("versionId", first, "reason", "wrong screen"));
        assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
        JsonNode after = wiki.get("/api/v1/files/Workflow.png").json();
        assertThat(after.path("versions")).hasSize(3);
        assertThat(after.path("latest").path("sha256").asText()).isEqualTo(versions.get(1).path("sha256").asText());
        assertThat(after.path("latest").path("revertedFrom").asLong()).isEqualTo(first);
        assertThat(image(wiki.getBytes("/files/Workflow.png").body()).getWidth()).isEqualTo(300);
        assertThat(wiki.wiki().files().storedBytes()).isEqualTo(stored);
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        TestWiki.Response refused = wiki.upload(editor, "Innocent.png", html);
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.errorCode()).isEqualTo("unsupported_file");
        TestWiki.Response mismatch = wiki.upload(editor, "Photo.pdf", png(10, 10));
        assertThat(mismatch.status()).isEqualTo(415);
        assertThat(wiki.get("/api/v1/files/Innocent.png").status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/pages/File:Innocent.png").status()).isEqualTo(404);
    }

    @Test
    void anOversizeUploadIsRefusedBeforeItIsStored() {
        byte[] big = new byte[(int) MAX_FILE_BYTES + 100_000];
        TestWiki.Response refused = wiki.upload(editor, "Huge.png", big);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("file_too_large");
        assertThat(wiki.get("/api/v1/pages/File:Huge.png").status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/recent-changes").status()).as("the server goes on").isEqualTo(200);
    }

    @Test
    void onlyEditorsUpload() {
        assertThat(wiki.upload(reader, "Reader.png", png(5, 5)).status()).isEqualTo(403);
        assertThat(wiki.upload("", "Anonymous.png", png(5, 5)).status()).isEqualTo(401);
        assertThat(wiki.upload(editor, "No extension", png(5, 5)).errorCode()).isEqualTo("invalid_file_name");
        assertThat(wiki.post("/api/v1/files", editor, "{}").status()).isEqualTo(400);
        // Other forms take no multipart bodies: a clear 415, never a 500.
        TestWiki.Response form = wiki.send(wiki.request("/login", "").setHeader("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nx\r\n--x--\r\n")));
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void thumbnailsAreCachedAndRevalidated() {
        wiki.upload(editor, "Diagram.png", png(1000, 500));
        TestWiki.BytesResponse thumbnail = wiki.getBytes("/files/Diagram.png?width=290");
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(image(thumbnail.body()).getWidth()).as("rounded up to a thumbnail step").isEqualTo(300);
        String etag = thumbnail.header("ETag");
        assertThat(wiki.getBytes("/files/Diagram.png?width=290", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(wiki.getBytes("/files/Diagram.png?width=0").status()).isEqualTo(400);
        assertThat(wiki.getBytes("/files/Diagram.png?version=999999").status()).isEqualTo(404);
        assertThat(wiki.getBytes("/files/Nothing_here.png").status()).isEqualTo(404);
    }

    @Test
    void pagesShowFilesAtTheirCurrentVersionAndFilePagesListWhereTheyAreUsed() {
        wiki.upload(editor, "Screen.png", png(800, 600));
        wiki.save("Order_sets", "Intro.\n\n[[File:Screen.png|thumb|right|The order screen]]\n\n[[File:Not uploaded.png|thumb|Later]]", editor);
        String html = wiki.get("/api/v1/pages/Order_sets").json().path("html").asText();
        long version = wiki.get("/api/v1/files/Screen.png").json().path("latest").path("id").asLong();
        assertThat(html).contains("<figure class=\"embed thumb align-right\">", "src=\"/files/Screen.png?version=" + version + "&amp;width=220\"",
                "width=\"220\" height=\"165\"", "<figcaption>The order screen</figcaption>",
                "href=\"/special/upload?name=Not_uploaded.png\" class=\"new\"");

        wiki.upload(editor, "Screen.png", png(400, 400), "replace", "true");
        long newer = wiki.get("/api/v1/files/Screen.png").json().path("latest").path("id").asLong();
        assertThat(wiki.get("/api/v1/pages/Order_sets").json().path("html").asText())
                .as("the page shows the new version at once").contains("version=" + newer, "width=\"220\" height=\"220\"");

        String filePage = wiki.get("/wiki/File:Screen.png").body();
        assertThat(filePage).contains("File history", "File usage", "href=\"/wiki/Order_sets\"").doesNotContain("Upload a new version");
        assertThat(wiki.get("/wiki/File:Screen.png", editor).body()).as("for editors").contains("Upload a new version");
        assertThat(wiki.get("/special/wanted-pages").body()).contains("Not uploaded.png");
    }

    @Test
    void aDeletedFileIsHiddenUntilRestored() {
        wiki.upload(editor, "Old policy.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        TestWiki.BytesResponse pdf = wiki.getBytes("/files/Old_policy.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment");
        assertThat(wiki.delete("/api/v1/files/Old_policy.pdf", editor).status()).isEqualTo(403);
        assertThat(wiki.delete("/api/v1/files/Old_policy.pdf", admin).status()).isEqualTo(204);
        assertThat(wiki.getBytes("/files/Old_policy.pdf").status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/files/Old_policy.pdf").status()).isEqualTo(404);
        // An editor sending the same bytes learns nothing of the deleted file.
        TestWiki.Response guess = wiki.upload(editor, "Old policy.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(guess.status()).isEqualTo(403);
        assertThat(guess.body()).doesNotContain("uploader");
        assertThat(wiki.getBytes("/files/Old_policy.pdf?version=1").status()).isEqualTo(404);
        assertThat(wiki.post("/api/v1/files/Old_policy.pdf/restore", admin, "").status()).isEqualTo(200);
        assertThat(wiki.getBytes("/files/Old_policy.pdf").status()).isEqualTo(200);
    }
}
