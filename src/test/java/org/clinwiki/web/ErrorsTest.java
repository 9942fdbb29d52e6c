package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinwiki.testing.TestWiki.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clinwiki.Config;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear 4xx in the error shape, never a 500 or a stack trace, and the server keeps serving. */
class ErrorsTest extends WikiTestCase {

    String editor;

    @BeforeAll
    void accounts() {
        editor = wiki.login("editor", Role.EDITOR);
    }

    @Test
    void unknownApiRouteAnswers404InTheErrorShape() {
        Response response = wiki.get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unknownPageRouteAnswersAReadableHtmlPage() {
        Response response = wiki.get("/no/such/page");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("<h1>Not Found</h1>");
    }

    @Test
    void missingPageAnswers404() {
        assertThat(wiki.get("/api/v1/pages/Does_not_exist").errorCode()).isEqualTo("not_found");
        assertThat(wiki.get("/api/v1/pages/Does_not_exist/revisions").status()).isEqualTo(404);
        assertThat(wiki.get("/api/v1/pages/Does_not_exist/backlinks").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2]", "\"text\"", "null", "{\"markdown\": \"x\"} trailing", "{\"baseRevisionId\": \"seven\"}"})
    void malformedJsonAnswers400(String body) {
        Response response = wiki.put("/api/v1/pages/Json_test", editor, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isIn("invalid_json", "missing_markdown");
        assertThat(response.body()).doesNotContain("org.clinwiki").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void emptyBodyAnswers400() {
        assertThat(wiki.put("/api/v1/pages/Json_test", editor, "").errorCode()).isEqualTo("invalid_json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=x", "before=-1", "before=abc"})
    void badPagingParametersAnswer400(String query) {
        Response response = wiki.get("/api/v1/recent-changes?" + query);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_parameter");
    }

    @Test
    void requestBodyOverTheServerLimitAnswers413() {
        String body = json("markdown", "y".repeat(17 * 1024 * 1024));
        Response response = wiki.put("/api/v1/pages/Way_too_big", editor, body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("too_large");
        assertThat(wiki.get("/api/v1/pages/Way_too_big").status()).isEqualTo(404);
    }

    @Test
    void wrongMethodAnswersInTheErrorShape() {
        Response response = wiki.send(wiki.request("/api/v1/recent-changes", "").method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.status()).isIn(404, 405);
        assertThat(response.json().path("error").path("code").asText()).isNotEmpty();
    }

    @Test
    void malformedUrlIsRefusedInTheErrorShape() throws IOException {
        String answer = raw("GET /api/v1/pages/A%zzB HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("\"error\"").doesNotContain("Jetty").doesNotContain("<html");
    }

    @Test
    void pathTraversalOutOfStaticFilesAnswers404() throws IOException {
        for (String path : new String[] {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fpom.xml"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1.1 (400|404).*").doesNotContain("root:");
        }
    }

    @Test
    void serverKeepsServingAfterBadRequests() throws IOException {
        raw("GARBAGE\r\n\r\n");
        wiki.put("/api/v1/pages/After", editor, "{oops");
        assertThat(wiki.put("/api/v1/pages/After", editor, json("markdown", "fine")).status()).isEqualTo(201);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Response response = wiki.get("/api/v1/recent-changes");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .contains("img-src 'self';").doesNotContain("unsafe-inline").doesNotContain("https:;").doesNotContain("http:");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isNotBlank();
    }

    @Test
    void imagesMayComeOnlyFromHostsTheOperatorNamed() {
        assertThat(WebServer.contentSecurityPolicy(List.of("images.example.org", "cdn.example.net:8443")))
                .contains("img-src 'self' https://images.example.org https://cdn.example.net:8443;");
        assertThatThrownBy(() -> Config.defaults().withImageHosts(List.of("evil.example; script-src *")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBusyDatabaseIsAnsweredAsBusyNotAsABug() {
        assertThat(Errors.databaseBusy(new IllegalStateException(new java.sql.SQLTransientConnectionException("pool timeout"))))
                .isTrue();
        assertThat(Errors.databaseBusy(new RuntimeException(new java.sql.SQLException("[SQLITE_BUSY] locked", "", 5)))).isTrue();
        assertThat(Errors.databaseBusy(new RuntimeException(new java.sql.SQLException("syntax error", "", 1)))).isFalse();
        assertThat(Errors.databaseBusy(new NullPointerException())).isFalse();
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", wiki.app().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
