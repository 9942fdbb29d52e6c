package org.clinwiki.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinwiki.testing.Haproxy;
import org.clinwiki.testing.PostgresServer;
import org.clinwiki.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Clinwiki servers, each its own process with its own data directory, behind HAProxy over
 * one PostgreSQL cluster of their own: the deployment of docs/operations.md on loopback. The
 * tests run in order over the one cluster; the last ones kill a node and stop the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long cluster passphrase";

    @TempDir
    static Path temp;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PostgresServer postgres;
    private String database;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private Haproxy balancer;
    private String admin;

    @BeforeAll
    void startCluster() throws Exception {
        postgres = PostgresServer.start();
        database = postgres.url(postgres.createDatabase());
        // Both at once on the empty database: the schema and the first-run seeding race.
        nodes.add(node("a"));
        nodes.add(node("b"));
        balancer = Haproxy.start(List.of(address(nodes.get(0)), address(nodes.get(1))));
        String oneTime = nodes.stream().flatMap(node -> node.adminPassword().stream()).findFirst().orElseThrow();
        String token = login(nodes.get(0).uri(), "admin", oneTime);
        HttpResponse<String> changed = send("PUT", nodes.get(1).uri(), "/api/v1/me/password", token,
                Map.of("currentPassword", oneTime, "newPassword", PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        admin = login(balancer.uri(), "admin", PASSWORD);
    }

    private ServerProcess node(String name) {
        return ServerProcess.start(temp.resolve(name), "--database", database, "--trusted-proxies", "127.0.0.1",
                "--edits-per-minute", "10000");
    }

    private static InetSocketAddress address(ServerProcess node) {
        return new InetSocketAddress("127.0.0.1", node.awaitServing());
    }

    @AfterAll
    void stopCluster() {
        if (balancer != null) {
            balancer.close();
        }
        nodes.forEach(ServerProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void nodesStartingTogetherOnAnEmptyDatabaseSeedItOnce() throws Exception {
        assertThat(nodes.stream().filter(node -> node.adminPassword().isPresent()).count()).isEqualTo(1);
        JsonNode history = json(get(balancer.uri(), "/api/v1/pages/Main_Page/revisions", null));
        assertThat(history.path("revisions")).hasSize(1);
    }

    @Test
    @Order(2)
    void aSessionMadeOnOneNodeWorksOnTheOtherUntilLoggedOutThere() throws Exception {
        String token = login(nodes.get(0).uri(), "admin", PASSWORD);
        assertThat(get(nodes.get(1).uri(), "/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(send("POST", nodes.get(1).uri(), "/api/v1/logout", token, Map.of()).statusCode()).isEqualTo(204);
        assertThat(get(nodes.get(0).uri(), "/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void anEditOnOneNodeIsShownAndSearchableOnTheOther() throws Exception {
        HttpResponse<String> saved = send("PUT", nodes.get(0).uri(), "/api/v1/pages/Insulin_drip", admin,
                Map.of("markdown", "Titrate the insulin drip hourly by the protocol."));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        long change = json(saved).path("changeSeq").asLong();
        assertThat(change).isPositive();
        assertThat(get(nodes.get(1).uri(), "/wiki/Insulin_drip", null).body()).contains("Titrate the insulin drip");
        JsonNode found = json(get(nodes.get(1).uri(), "/api/v1/search?q=titrate&after=" + change, null));
        assertThat(found.path("results").findValuesAsText("title")).contains("Insulin drip");
    }

    @Test
    @Order(4)
    void concurrentSavesOfOnePageThroughBothNodesKeepOneLinearHistoryWithEveryAcknowledgedEdit() throws Exception {
        send("PUT", balancer.uri(), "/api/v1/pages/Shared_protocol", admin, Map.of("markdown", "start\n"));
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (ServerProcess node : nodes) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        JsonNode page = json(get(node.uri(), "/api/v1/pages/Shared_protocol", admin));
                        long base = page.path("revision").path("id").asLong();
                        String text = page.path("markdown").asText() + node.uri().getPort() + " " + i + "\n";
                        HttpResponse<String> saved = send("PUT", node.uri(), "/api/v1/pages/Shared_protocol", admin,
                                Map.of("markdown", text, "baseRevisionId", base));
                        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 409);
                        if (saved.statusCode() == 200) {
                            acknowledged.add(json(saved).path("revision").path("id").asLong());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode revisions = json(get(balancer.uri(), "/api/v1/pages/Shared_protocol/revisions?limit=100", null)).path("revisions");
        List<Long> ids = revisions.findValuesAsText("id").stream().map(Long::parseLong).toList();
        assertThat(ids).containsAll(acknowledged);
        Set<Long> parents = new HashSet<>();
        for (int i = 0; i < revisions.size() - 1; i++) {
            long parent = revisions.get(i).path("parentId").asLong();
            assertThat(parent).as("each revision's parent is the one before it").isEqualTo(revisions.get(i + 1).path("id").asLong());
            assertThat(parents.add(parent)).isTrue();
        }
    }

    @Test
    @Order(5)
    void whenANodeIsKilledTheBalancerRoutesAroundItAndNoAcknowledgedSaveIsLost() throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread readers = Thread.ofPlatform().start(() -> {
            while (reading.get()) {
                try {
                    int status = get(balancer.uri(), "/wiki/Insulin_drip", null).statusCode();
                    reads.incrementAndGet();
                    if (status != 200) {
                        failures.add("status " + status);
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        List<String> saved = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                saved.add(save(balancer.uri(), "Before_the_crash_" + i));
            }
            nodes.get(1).kill();
            for (int i = 0; i < 10; i++) {
                saved.add(save(balancer.uri(), "After_the_crash_" + i));
            }
            Thread.sleep(2_000);
        } finally {
            reading.set(false);
            readers.join();
        }
        assertThat(failures).as("page views through the balancer while a node died (of %d)", reads.get()).isEmpty();
        for (String title : saved) {
            assertThat(get(nodes.get(0).uri(), "/api/v1/pages/" + title, null).statusCode()).as(title).isEqualTo(200);
        }
        ServerProcess restarted = node("b");
        nodes.set(1, restarted);
        JsonNode found = json(get(restarted.uri(), "/api/v1/search?q=" + "crash&after=" + latestChange(), null));
        assertThat(found.path("results").size()).isPositive();
    }

    @Test
    @Order(6)
    void whilePostgresIsDownNodesAnswer503AndRecoverByThemselves() throws Exception {
        String before = save(nodes.get(0).uri(), "Saved_before_the_outage");
        postgres.stop();
        try {
            HttpResponse<String> health = get(nodes.get(0).uri(), "/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            HttpResponse<String> refused = send("PUT", nodes.get(1).uri(), "/api/v1/pages/During_the_outage", admin,
                    Map.of("markdown", "Not saved."));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        } finally {
            postgres.startAgain();
        }
        for (ServerProcess node : nodes) {
            Instant end = Instant.now().plusSeconds(30);
            while (get(node.uri(), "/health", null).statusCode() != 200 && Instant.now().isBefore(end)) {
                Thread.sleep(200);
            }
            assertThat(get(node.uri(), "/health", null).statusCode()).isEqualTo(200);
        }
        assertThat(get(nodes.get(1).uri(), "/api/v1/pages/" + before, null).statusCode()).isEqualTo(200);
        save(nodes.get(1).uri(), "Saved_after_the_outage");
    }

    private long latestChange() throws Exception {
        return json(get(nodes.get(0).uri(), "/health", null)).path("latestChange").asLong();
    }

    private String save(URI node, String title) throws Exception {
        HttpResponse<String> saved = send("PUT", node, "/api/v1/pages/" + title, admin, Map.of("markdown", "Text of " + title));
        assertThat(saved.statusCode()).as(title + ": " + saved.body()).isIn(200, 201);
        return title;
    }

    private String login(URI node, String name, String password) throws Exception {
        HttpResponse<String> response = send("POST", node, "/api/v1/login", null, Map.of("username", name, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("token").asText();
    }

    private HttpResponse<String> get(URI node, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, URI node, String path, String token, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
