package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that cost the most (diffs and merges of long revisions, previews) stay bounded, and
 * while they run other people's page views and saves are answered as usual. Before the limits,
 * a diff of two 30,000-line revisions took 45 s and held a database connection; a stale save
 * merged inside the write transaction and every other save failed after 30 s.
 */
class HeavyRequestsTest extends WikiTestCase {

    private static final int LINES = 30_000;
    /** Generous: the work is a fraction of a second; this only catches minutes. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private String attacker;
    private String bystander;
    private long first;
    private long second;

    @BeforeAll
    void twoUnrelatedLongRevisions() {
        attacker = wiki.login("heavy", Role.EDITOR);
        bystander = wiki.login("bystander", Role.EDITOR);
        wiki.save("Quiet_page", "Readers keep reading.", bystander);
        first = wiki.save("Big30k", lines(new Random(1)), attacker).path("revision").path("id").asLong();
        second = wiki.save("Big30k", lines(new Random(2)), attacker).path("revision").path("id").asLong();
    }

    @Test
    void aDiffOfTwoUnrelatedLongRevisionsIsBoundedAndSaysSo() {
        Response diff = timed(() -> wiki.get("/api/v1/pages/Big30k/diff?from=" + first + "&to=" + second));
        assertThat(diff.status()).isEqualTo(200);
        JsonNode body = diff.json();
        assertThat(body.path("linesAdded").asInt()).isEqualTo(LINES);
        assertThat(body.path("linesRemoved").asInt()).isEqualTo(LINES);
        assertThat(body.path("truncated").asBoolean()).as("only the first rows are sent").isTrue();
        Response page = timed(() -> wiki.get("/wiki/Big30k/diff?from=" + first + "&to=" + second));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("too long to show whole");
    }

    @Test
    void othersReadAndSaveWhileFourLongDiffsRun() {
        List<CompletableFuture<Response>> diffs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String path = "/wiki/Big30k/diff?from=" + first + "&to=" + second + "&n=" + i;
            diffs.add(CompletableFuture.supplyAsync(() -> wiki.get(path)));
        }
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThat(timed(() -> wiki.get("/wiki/Quiet_page")).status()).isEqualTo(200);
            assertThat(timed(() -> wiki.put("/api/v1/pages/During_diffs_" + n, bystander, json("markdown", "note"))).status())
                    .isEqualTo(201);
        }
        diffs.forEach(diff -> assertThat(diff.join().status()).isIn(200, 503));
    }

    @Test
    void aStaleSaveMergesOutsideTheWriteTransaction() {
        String mine = lines(new Random(1)).replace("alert", "alarm");
        CompletableFuture<Response> merging = CompletableFuture.supplyAsync(() -> wiki.put("/api/v1/pages/Big30k", attacker,
                json("markdown", mine, "baseRevisionId", first)));
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThat(timed(() -> wiki.put("/api/v1/pages/During_merge_" + n, bystander, json("markdown", "note"))).status())
                    .isEqualTo(201);
            assertThat(timed(() -> wiki.post("/api/v1/login", "", json("username", "bystander", "password", TestWiki.PASSWORD)))
                    .status()).isEqualTo(200);
        }
        Response merged = merging.join();
        assertThat(merged.status()).as(merged.toString()).isIn(200, 409);
        if (merged.status() == 409) {
            assertThat(merged.json().path("error").path("yourMarkdown").asText()).as("nothing is lost").isEqualTo(mine);
        }
    }

    @Test
    void previewsAreForSignedInEditorsWithinTheSizeOfASave() {
        assertThat(wiki.post("/api/v1/preview", "", json("markdown", "hello")).status()).isEqualTo(401);
        String reader = wiki.login("previewreader", Role.READER);
        assertThat(wiki.post("/api/v1/preview", reader, json("markdown", "hello")).status()).isEqualTo(403);
        Response tooLarge = wiki.post("/api/v1/preview", attacker, json("markdown", "x".repeat(2 * 1024 * 1024 + 1)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(wiki.post("/api/v1/preview", attacker, json("markdown", "**fine**")).json().path("html").asText())
                .contains("<strong>fine</strong>");
    }

    @Test
    void previewsAreThrottled(@TempDir Path dataDir) {
        try (TestWiki own = TestWiki.start(dataDir, config -> config.withLimits(config.limits().withPreviewsPerMinute(2)))) {
            String editor = own.login("previewer", Role.EDITOR);
            assertThat(own.post("/api/v1/preview", editor, json("markdown", "one")).status()).isEqualTo(200);
            assertThat(own.post("/api/v1/preview", editor, json("markdown", "two")).status()).isEqualTo(200);
            Response third = own.post("/api/v1/preview", editor, json("markdown", "three"));
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.errorCode()).isEqualTo("too_many_previews");
            assertThat(third.header("Retry-After")).isNotBlank();
        }
    }

    private static Response timed(Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PATIENCE);
        return response;
    }

    /** Lines no two seeds share. */
    private static String lines(Random random) {
        String[] words = {"alert", "order", "dose", "chart", "nurse", "ward", "sepsis", "insulin"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            text.append(words[random.nextInt(words.length)]).append(' ').append(random.nextInt(1_000_000_000)).append('\n');
        }
        return text.toString().strip();
    }
}
