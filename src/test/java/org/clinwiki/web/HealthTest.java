package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /health} tells a load balancer whether this node can serve (its database answers)
 * and how far its search index is behind; {@code /health/live} only that the process answers.
 * Neither sets cookies nor may be cached.
 */
class HealthTest extends WikiTestCase {

    @Test
    void aServingNodeIsHealthyAndSaysHowFarItsIndexIsBehind() {
        String editor = wiki.login("healthy", Role.EDITOR);
        wiki.save("Health_check_page", "Some text.", editor);
        wiki.awaitSearchable();
        Response health = wiki.get("/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.header("Content-Type")).startsWith("application/json");
        assertThat(health.header("Cache-Control")).isEqualTo("no-store");
        assertThat(health.header("Set-Cookie")).isNull();
        JsonNode json = health.json();
        assertThat(json.path("status").asText()).isEqualTo("ok");
        assertThat(json.path("database").asText()).isEqualTo("up");
        long latest = wiki.wiki().reader().changeSequence();
        assertThat(json.path("latestChange").asLong()).isEqualTo(latest).isPositive();
        assertThat(json.path("appliedChange").asLong()).isEqualTo(latest);
        assertThat(json.path("indexLag").asLong()).isZero();
        assertThat(json.path("version").asText()).isEqualTo("dev");
    }

    @Test
    void theLatestChangeFollowsSaves() {
        String editor = wiki.login("follower", Role.EDITOR);
        long before = wiki.get("/health").json().path("latestChange").asLong();
        wiki.save("Health_follows", "Text.", editor);
        JsonNode after = wiki.get("/health").json();
        assertThat(after.path("latestChange").asLong()).isGreaterThan(before);
        assertThat(after.path("indexLag").asLong()).isEqualTo(
                Math.max(0, after.path("latestChange").asLong() - after.path("appliedChange").asLong()));
    }

    @Test
    void livenessAsksNothingOfTheDatabase() {
        Response live = wiki.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("ok");
        assertThat(live.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void headIsAnsweredToo() {
        Response head = wiki.send(wiki.request("/health", "").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aNodeWhoseDatabaseIsGoneAnswers503AtOnce(@TempDir Path dataDir) {
        try (TestWiki lonely = TestWiki.start(dataDir)) {
            assertThat(lonely.get("/health").status()).isEqualTo(200);
            // As a database that went away does to this node: every query fails.
            lonely.wiki().close();
            long start = System.nanoTime();
            Response health = lonely.get("/health");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            assertThat(health.header("Cache-Control")).isEqualTo("no-store");
            JsonNode json = health.json();
            assertThat(json.path("status").asText()).isEqualTo("unavailable");
            assertThat(json.path("database").asText()).isEqualTo("down");
            assertThat(json.path("latestChange").isNull()).isTrue();
            assertThat(json.path("indexLag").isNull()).isTrue();
            assertThat(json.path("appliedChange").isIntegralNumber()).isTrue();
            assertThat(lonely.get("/health/live").status()).as("still alive, only not ready").isEqualTo(200);
        }
    }
}
