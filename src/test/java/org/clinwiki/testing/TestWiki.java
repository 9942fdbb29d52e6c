package org.clinwiki.testing;

import org.clinwiki.limit.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.clinwiki.App;
import org.clinwiki.Config;
import org.clinwiki.Wiki;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;

/**
 * The real application on a temporary data directory, serving HTTP on a free port, with a
 * small HTTP client for tests. Nothing is mocked: SQLite files, Jetty and the templates are
 * the ones users get.
 */
public final class TestWiki implements AutoCloseable {

    public static final String PASSWORD = "a long test password 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TestWiki(App app) {
        this.app = app;
        this.base = "http://localhost:" + app.port();
    }

    public static TestWiki start(Path dataDir) {
        return start(dataDir, UnaryOperator.identity());
    }

    public static TestWiki start(Path dataDir, UnaryOperator<Config> settings) {
        // Tests save and log in faster than any person; throttling has its own tests with tight limits.
        Config config = settings.apply(TestDatabases.config(dataDir).withHost("127.0.0.1").withPort(0)
                .withLimits(Limits.defaults().withLoginFailures(1_000, 1_000).withEditsPerMinute(10_000)
                        .withPreviewsPerMinute(10_000).withRegistrationsPerHour(1_000).withLoginsPerHour(10_000)));
        return new TestWiki(new App(config, Clock.systemUTC()));
    }

    public App app() {
        return app;
    }

    /** The wiki's services, for setting up what a test needs without going through HTTP. */
    public Wiki wiki() {
        return app.wiki();
    }

    public String baseUrl() {
        return base;
    }

    /** Creates an account with {@link #PASSWORD} and returns a bearer token for it. */
    public String login(String name, Role role) {
        return login(name, role, "");
    }

    public String login(String name, Role role, String credentials) {
        app.wiki().users().create(name, name + " Display", credentials, role, PASSWORD);
        return token(name, PASSWORD);
    }

    public String token(String name, String password) {
        Response response = post("/api/v1/login", "", json("username", name, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response);
        }
        return response.json().path("token").asText();
    }

    public Actor actor(String name) {
        User user = app.wiki().users().require(name);
        return new Actor(user, "test");
    }

    public Response get(String path) {
        return get(path, "");
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response put(String path, String token, String body) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String token, String body) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Uploads a file over the API as a browser would send it: multipart, the file in "file", then fields as name, value pairs. */
    public Response upload(String token, String fileName, byte[] bytes, String... fields) {
        String boundary = "cw" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(bytes);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1]).getBytes(utf8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(request("/api/v1/files", token).setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** An answer whose body is bytes (a file). */
    public record BytesResponse(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public BytesResponse getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BytesResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Saves a page over the API, starting from its latest revision; returns the response JSON. */
    public JsonNode save(String title, String markdown, String token) {
        Response current = get("/api/v1/pages/" + title);
        Object base = current.status() == 200 ? current.json().path("revision").path("id").asLong() : null;
        Response response = put("/api/v1/pages/" + title, token,
                json("markdown", markdown, "summary", "test edit", "baseRevisionId", base));
        if (response.status() != 200 && response.status() != 201) {
            throw new AssertionError("save failed: " + response);
        }
        return response.json();
    }

    /** Waits until every change committed so far is searchable; fails if the index has not caught up in 30 s. */
    public void awaitSearchable() {
        try {
            if (!app.searchIndex().awaitCurrent(Duration.ofSeconds(30))) {
                throw new AssertionError("the search index did not catch up within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The JSON of a search over the API, checking that it answered 200. */
    public JsonNode search(String query, String... parameters) {
        StringBuilder path = new StringBuilder("/api/v1/search?q=").append(encode(query));
        for (String parameter : parameters) {
            path.append('&').append(parameter);
        }
        Response response = get(path.toString());
        if (response.status() != 200) {
            throw new AssertionError("search failed: " + response);
        }
        return response.json();
    }

    /** The titles of a search's results, best first. */
    public java.util.List<String> searchTitles(String query, String... parameters) {
        java.util.List<String> titles = new java.util.ArrayList<>();
        search(query, parameters).path("results").forEach(hit -> titles.add(hit.path("title").asText()));
        return titles;
    }

    public static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A JSON object from alternating keys and values. */
    public static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }

    /** An HTTP answer. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
