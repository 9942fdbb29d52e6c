package org.clinwiki.page;

import org.clinwiki.testing.TestDatabases;
import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every save the API acknowledged survives the server being killed with SIGKILL: the server
 * runs as a separate process, is killed right after the last acknowledged save, and the data
 * directory is then opened again. The operating system's page cache survives a killed process,
 * so this proves a process crash loses nothing; it does not simulate a power loss (that rests
 * on {@code synchronous=FULL} and SQLite's documented guarantee).
 */
class CrashDurabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void acknowledgedSavesSurviveKillDashNine(@TempDir Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.clinwiki.cli.Main", "serve", "--port", "0", "--host", "127.0.0.1", "--data", dataDir.toString(),
                "--database", TestDatabases.databaseFor(dataDir))
                .redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String password = null;
            int port = -1;
            Pattern passwordLine = Pattern.compile("One-time password:\\s+(\\S+)");
            Pattern servingLine = Pattern.compile("at http://[^:]+:(\\d+)/");
            while (port < 0) {
                String line = output.readLine();
                if (line == null) {
                    break;
                }
                Matcher matcher = passwordLine.matcher(line);
                if (matcher.find()) {
                    password = matcher.group(1);
                }
                matcher = servingLine.matcher(line);
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
            }
            assertThat(port).as("server announced its port").isPositive();
            assertThat(password).as("server printed the admin's one-time password").isNotNull();
            String base = "http://127.0.0.1:" + port + "/api/v1";

            String token = post(base + "/login", null, Map.of("username", "admin", "password", password)).get("token").toString();
            HttpResponse<String> changed = send("PUT", base + "/me/password", token,
                    Map.of("currentPassword", password, "newPassword", "a brand new secret phrase"));
            assertThat(changed.statusCode()).isEqualTo(204);
            for (int i = 0; i < 25; i++) {
                HttpResponse<String> saved = send("PUT", base + "/pages/Crash_test_" + i, token, Map.of("markdown", "Saved text " + i));
                assertThat(saved.statusCode()).isEqualTo(201);
                acknowledged.add("Crash test " + i);
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }

        try (Wiki wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
            for (int i = 0; i < acknowledged.size(); i++) {
                Article article = wiki.reader().article(Title.parse(acknowledged.get(i)), Optional.empty());
                assertThat(article.markdown()).isEqualTo("Saved text " + i);
            }
        }
    }

    private Map<?, ?> post(String url, String token, Map<String, ?> body) throws Exception {
        return JSON.readValue(send("POST", url, token, body).body(), Map.class);
    }

    private HttpResponse<String> send(String method, String url, String token, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
