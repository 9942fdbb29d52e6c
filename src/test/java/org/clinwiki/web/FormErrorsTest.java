package org.clinwiki.web;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.clinwiki.db.Database;
import org.clinwiki.error.WikiException;
import org.clinwiki.limit.Limits;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms answer a failure with the status and headers the API gives it (the one map in Errors),
 * and show the form again with what the person typed kept and the reason.
 */
class FormErrorsTest {

    private static final Limits TIGHT = Limits.defaults().withEditsPerMinute(3).withPreviewsPerMinute(2);

    @TempDir
    Path data;

    private TestWiki start() {
        return TestWiki.start(data, config -> config.withLimits(TIGHT));
    }

    private static Visitor editor(TestWiki wiki, String name) {
        wiki.login(name, Role.EDITOR);
        Visitor visitor = new Visitor(wiki);
        visitor.logIn(name);
        return visitor;
    }

    private static Response post(Visitor visitor, String title, String markdown, String action) {
        String csrf = visitor.formToken("/wiki/" + title + "/edit");
        return visitor.post("/wiki/" + title + "/edit", null, "csrf", csrf, "markdown", markdown, "summary", "my summary",
                "action", action);
    }

    private static void assertFormKept(Response response, String markdown, String reason) {
        Document form = Jsoup.parse(response.body());
        assertThat(form.select("#cw-markdown").val()).as("the text is kept").isEqualTo(markdown);
        assertThat(form.select("#cw-summary").val()).isEqualTo("my summary");
        assertThat(form.select("[role=alert]").text()).contains(reason);
    }

    @Test
    void aThrottledSaveAnswers429WithRetryAfterAsTheApiDoesAndKeepsTheText() {
        try (TestWiki wiki = start()) {
            Visitor visitor = editor(wiki, "quick");
            for (int i = 0; i < 3; i++) {
                assertThat(post(visitor, "Quick_" + i, "text " + i, "save").status()).isEqualTo(303);
            }
            Response refused = post(visitor, "Quick_3", "Carefully written text\nthat must not be lost.", "save");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertFormKept(refused, "Carefully written text\nthat must not be lost.", "You are saving faster than this wiki allows.");
            assertThat(wiki.get("/api/v1/pages/Quick_3").status()).as("nothing saved").isEqualTo(404);

            String token = wiki.token("quick", TestWiki.PASSWORD);
            Response api = wiki.put("/api/v1/pages/Quick_4", token, json("markdown", "over the API"));
            assertThat(api.status()).as("the API's answer to the same failure").isEqualTo(refused.status());
            assertThat(api.header("Retry-After")).isNotBlank();
        }
    }

    @Test
    void aThrottledPreviewAnswers429WithRetryAfterAndKeepsTheText() {
        try (TestWiki wiki = start()) {
            Visitor visitor = editor(wiki, "previewer");
            for (int i = 0; i < 2; i++) {
                assertThat(post(visitor, "Previewed", "draft " + i, "preview").status()).isEqualTo(200);
            }
            Response refused = post(visitor, "Previewed", "draft three", "preview");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertFormKept(refused, "draft three", "previews faster than this wiki allows");
        }
    }

    @Test
    void textOverTheSizeLimitAnswers413AsTheApiDoesAndKeepsTheText() {
        try (TestWiki wiki = start()) {
            Visitor visitor = editor(wiki, "verbose");
            String huge = "word ".repeat(500_000) + "end.";
            Response refused = post(visitor, "Huge", huge, "save");
            assertThat(refused.status()).isEqualTo(413);
            assertFormKept(refused, huge, "the limit is");
        }
    }

    @Test
    void aRevertBeyondTheRateAnswers429WithRetryAfter() {
        try (TestWiki wiki = start()) {
            String token = wiki.login("reverter", Role.EDITOR);
            long first = wiki.save("Reverted", "first", token).path("revision").path("id").asLong();
            wiki.save("Reverted", "second", token);
            wiki.save("Reverted", "third", token);
            Visitor visitor = new Visitor(wiki);
            visitor.logIn("reverter");
            String csrf = visitor.formToken("/wiki/Reverted/revert?to=" + first);
            Response refused = visitor.post("/wiki/Reverted/revert", null, "csrf", csrf, "revisionId", Long.toString(first));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(Jsoup.parse(refused.body()).select(".error-message").text()).contains("saving faster");
        }
    }

    @Test
    void aBusyDatabaseAnswers503WithRetryAfterAndKeepsTheText() throws Exception {
        try (TestWiki wiki = start()) {
            Visitor visitor = editor(wiki, "patient");
            String csrf = visitor.formToken("/wiki/Busy_time/edit");
            // Another process holds the write lock for longer than the server waits for it.
            try (Connection other = TestDatabases.connect(data)) {
                TestDatabases.holdWriteLock(other);
                Response refused = visitor.post("/wiki/Busy_time/edit", null, "csrf", csrf, "markdown", "Written while busy.",
                        "summary", "my summary", "action", "save");
                TestDatabases.releaseWriteLock(other);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("2");
                assertFormKept(refused, "Written while busy.", "too busy");
            }
            assertThat(post(visitor, "Busy_time", "Written while busy.", "save").status()).as("fine again").isEqualTo(303);
        }
    }

    @Test
    void aBusyDatabaseDuringRegistrationAnswers503AndKeepsWhatWasTyped() throws Exception {
        try (TestWiki wiki = start()) {
            Visitor visitor = new Visitor(wiki);
            String csrf = visitor.formToken("/register");
            try (Connection other = TestDatabases.connect(data)) {
                TestDatabases.holdWriteLock(other);
                Response refused = visitor.post("/register", null, "csrf", csrf, "username", "latecomer",
                        "password", "a long and fine password", "displayName", "Late Comer", "credentials", "MD");
                TestDatabases.releaseWriteLock(other);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("2");
                Document form = Jsoup.parse(refused.body());
                assertThat(form.select("[role=alert]").text()).contains("too busy");
                assertThat(form.select("#cw-username").val()).isEqualTo("latecomer");
                assertThat(form.select("#cw-display-name").val()).isEqualTo("Late Comer");
                assertThat(form.select("#cw-credentials").val()).isEqualTo("MD");
            }
        }
    }

    @Test
    void administratorsFormsAnswerTheApisStatusOnAReadablePage() {
        try (TestWiki wiki = start()) {
            wiki.login("soleadmin", Role.ADMIN);
            wiki.login("target", Role.EDITOR);
            Visitor admin = new Visitor(wiki);
            admin.logIn("soleadmin");
            String csrf = admin.formToken("/special/user-admin/target");

            Response badExpiry = admin.post("/special/user-admin/target/block", null, "csrf", csrf, "reason", "spam", "expires", "soon");
            assertThat(badExpiry.status()).isEqualTo(400);
            assertThat(Jsoup.parse(badExpiry.body()).select(".error-message").text()).contains("\"expires\" must be");

            Response lastAdmin = admin.post("/special/user-admin/soleadmin/role", null, "csrf", csrf, "role", "editor");
            assertThat(lastAdmin.status()).isEqualTo(403);
            assertThat(Jsoup.parse(lastAdmin.body()).select(".error-message").text()).isNotBlank();

            Response nobody = admin.post("/special/user-admin/nobodyhere/unblock", null, "csrf", csrf);
            assertThat(nobody.status()).isEqualTo(404);
            assertThat(wiki.get("/api/v1/users/target").json().path("status").asText()).isEqualTo("active");
        }
    }

    @Test
    void everyKindOfFailureHasItsOneStatus() {
        for (WikiException.Kind kind : WikiException.Kind.values()) {
            assertThat(Errors.status(new WikiException(kind, "test", "test") { })).as(kind.name()).isNotNull();
        }
        assertThat(Errors.status(new WikiException(WikiException.Kind.TOO_MANY, "t", "t") { })).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Errors.status(new WikiException(WikiException.Kind.TOO_LARGE, "t", "t") { })).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(Errors.status(new WikiException(WikiException.Kind.BUSY, "t", "t") { })).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(Errors.expected(new IllegalStateException(new java.sql.SQLException("[SQLITE_BUSY]", "", 5))))
                .hasValueSatisfying(busy -> assertThat(busy.retryAfterSeconds()).hasValue(2));
        assertThat(Errors.expected(new NullPointerException())).as("a bug is not shown on a form").isEmpty();
    }
}
