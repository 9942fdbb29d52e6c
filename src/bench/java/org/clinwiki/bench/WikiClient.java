package org.clinwiki.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** A benchmark's HTTP client for one running wiki: its API calls, answered as they come (no status checked unless said). */
final class WikiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    WikiClient(String base) {
        this.base = base;
    }

    int port() {
        return URI.create(base).getPort();
    }

    /** Waits until the server answers; its port is announced just before Jetty accepts. */
    void awaitFirstAnswer() throws Exception {
        while (true) {
            try {
                if (get("/api/v1/pages?limit=1").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not accepting yet.
            }
            Thread.sleep(10);
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Saves a page (on top of {@code baseRevision}, when given) and returns the new revision's id; fails unless saved. */
    long put(String title, String markdown, String token, Long baseRevision) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("markdown", markdown));
        if (baseRevision != null) {
            body.put("baseRevisionId", baseRevision);
        }
        HttpResponse<String> answer = send("PUT", "/api/v1/pages/" + title, token, body);
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("saving " + title + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("revision").path("id").asLong();
    }

    HttpResponse<String> preview(String token, String markdown) throws Exception {
        return send("POST", "/api/v1/preview", token, Map.of("markdown", markdown));
    }

    HttpResponse<String> login(String name, String password) throws Exception {
        return send("POST", "/api/v1/login", "", Map.of("username", name, "password", password));
    }

    /** A bearer token for an account whose password is right. */
    String token(String name, String password) throws Exception {
        return JSON.readTree(login(name, password).body()).path("token").asText();
    }
}
