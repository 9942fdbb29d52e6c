package org.clinwiki.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.clinwiki.App;
import org.clinwiki.Config;
import org.clinwiki.cli.Main;
import org.clinwiki.user.Role;

/**
 * The load benchmark: a generated corpus is imported, a Clinwiki server is started as its own
 * process, and this process measures it over loopback HTTP like users would: page views with
 * many connections, searches with several clients, autocomplete, sequential saves, plus import
 * rate, time to first answer and the server's peak memory. A bare Javalin server serving the
 * same HTML from memory, also its own process, is measured the same way as the baseline.
 */
public final class LoadBenchmark {

    private static final String USER = "loadtester";
    private static final String PASSWORD = "a long passphrase for measuring";
    private static final int HOT_TITLES = 1_000;
    /** The server runs as the README says to run it. */
    static final List<String> SERVER_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final PrintWriter out;
    private final Map<String, Object> results = new LinkedHashMap<>();

    public LoadBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Runs everything in {@code scratch} and returns the figures (also printed), for writing as JSON. */
    public Map<String, Object> run(Path scratch, int pages, int connections, int searchClients, Duration duration) throws Exception {
        Path corpus = scratch.resolve("corpus");
        Path data = scratch.resolve("data");
        results.put("pages", pages);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", Runtime.version().toString());
        cli("generate-corpus", "--pages", Integer.toString(pages), "--out", corpus.toString());

        long importStart = System.nanoTime();
        cli("import", "markdown", corpus.toString(), "--data", data.toString(), "--summary", "benchmark corpus");
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        put("import", "pages/s", pages / importSeconds, "≥ 2,000");
        try (App app = App.open(Config.defaults().withDataDir(data))) {
            app.users().create(USER, "Benchmark", "", Role.EDITOR, PASSWORD);
        }

        Corpus titles = new Corpus(42);
        HttpClient client = HttpClient.newHttpClient();
        // A training run records a JDK AOT cache (classes loaded and linked ahead of time), as
        // the README suggests for production; the measured start then uses it.
        Path aot = scratch.resolve("clinwiki.aot");
        List<String> serve = List.of("org.clinwiki.cli.Main", "serve", "--host", "127.0.0.1", "--port", "0",
                "--data", data.toString(), "--edits-per-minute", "1000000");
        long coldStart = System.nanoTime();
        Path config = scratch.resolve("clinwiki.aotconf");
        Process training = Processes.start(Processes.with(SERVER_JVM, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config), serve);
        String trainingBase = "http://127.0.0.1:" + Processes.port(training);
        awaitFirstAnswer(client, trainingBase);
        put("start to first answer, first start (recording an AOT cache)", "s", (System.nanoTime() - coldStart) / 1e9, "≤ 2");
        for (int i = 0; i < 50; i++) {
            get(client, trainingBase + "/wiki/" + path(titles, i * 7));
            get(client, trainingBase + "/api/v1/search?q=ehr");
        }
        training.destroy();
        training.waitFor();
        Process create = Processes.start(
                Processes.with(SERVER_JVM, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + aot),
                List.of("org.clinwiki.cli.Main"));
        create.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        create.waitFor();

        List<String> jvm = Files.isRegularFile(aot) ? Processes.with(SERVER_JVM, "-XX:AOTCache=" + aot) : SERVER_JVM;
        long start = System.nanoTime();
        Process server = Processes.start(jvm, serve);
        try {
            String base = "http://127.0.0.1:" + Processes.port(server);
            awaitFirstAnswer(client, base);
            put("start to first answer, AOT cache", "s", (System.nanoTime() - start) / 1e9, "≤ 2");
            awaitIndex(client, base, titles.title(pages - 2).text());
            // After catching up the index merges its segments once: let that finish before measuring.
            Processes.awaitIdle(server.pid());

            Path html = scratch.resolve("baseline-html");
            Files.createDirectories(html);
            for (int i = 0; i < 200; i++) {
                String body = get(client, base + "/wiki/" + path(titles, i * (pages / 200))).body();
                Files.writeString(html.resolve(String.format("%03d.html", i)), body);
            }
            Process baseline = Processes.start(SERVER_JVM, List.of("org.clinwiki.bench.BaselineServer", html.toString()));
            Latencies baselineViews;
            double baselineRate;
            try {
                String baselineBase = "http://127.0.0.1:" + Processes.port(baseline);
                Load load = load(connections, duration, n -> baselineBase + "/page/" + n);
                baselineViews = load.latencies();
                baselineRate = load.rate();
            } finally {
                baseline.destroy();
            }
            // Warm: a mix of many titles, each viewed once before measuring (the render cache holds them).
            int hot = Math.min(pages, HOT_TITLES);
            for (int i = 0; i < hot; i++) {
                get(client, base + "/wiki/" + path(titles, hotTitle(i, pages)));
            }
            Load views = load(connections, duration, n -> base + "/wiki/" + path(titles, hotTitle(Math.floorMod(n, hot), pages)));
            put("page views, " + connections + " connections", "req/s", views.rate(), "≥ 70% of baseline");
            results.put("page views baseline req/s", round(baselineRate));
            results.put("page views / baseline", round(views.rate() / baselineRate));
            latency("page view", views.latencies());
            latency("baseline page view", baselineViews);

            List<String> queries = org.clinwiki.search.SearchBenchmark.QUERIES;
            Load search = load(searchClients, duration,
                    n -> base + "/api/v1/search?q=" + URLEncoder.encode(queries.get(Math.floorMod(n, queries.size())), StandardCharsets.UTF_8));
            latency("search, " + searchClients + " clients", search.latencies());
            String[] typed = {"e", "el", "ele", "clin", "tele", "phar", "barcode", "fhir", "inter", "safety"};
            Load suggest = load(1, duration.dividedBy(2),
                    n -> base + "/api/v1/search/suggest?q=" + typed[Math.floorMod(n, typed.length)]);
            latency("autocomplete", suggest.latencies());
            latency("save (sequential)", saves(client, base, titles, pages));
            results.put("peak RSS MB", round(Processes.peakRssMb(server.pid())));
        } finally {
            server.destroy();
            server.waitFor();
        }
        print();
        return results;
    }

    private record Load(Latencies latencies, double rate) {
    }

    /** {@code clients} threads ask for {@code url(n)} for a warm-up second, then for {@code duration}. */
    private static Load load(int clients, Duration duration, IntFunction<String> url) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong counter = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        long until = warmUntil + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                running.add(pool.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    Random random = new Random(seed);
                    while (System.nanoTime() < until) {
                        long t = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url.apply(random.nextInt(1 << 20))))
                                .header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " from " + response.uri());
                        }
                        if (t >= warmUntil) {
                            latencies.add(took);
                            counter.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Load(latencies, counter.get() / (duration.toNanos() / 1e9));
    }

    private static Latencies saves(HttpClient client, String base, Corpus titles, int pages) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        String token = login.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        Latencies latencies = new Latencies();
        for (int i = 0; i < 100; i++) {
            String path = path(titles, (i * 7919) % pages);
            String page = get(client, base + "/api/v1/pages/" + path + "?redirect=no").body();
            String revision = page.replaceAll("(?s).*?\"revision\":\\{\"id\":(\\d+).*", "$1");
            String body = "{\"markdown\":\"Benchmark edit " + i + ": the informatics team revised this page.\","
                    + "\"summary\":\"benchmark\",\"baseRevisionId\":" + revision + "}";
            long t = System.nanoTime();
            HttpResponse<String> saved = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pages/" + path))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t);
            if (saved.statusCode() != 200) {
                throw new IllegalStateException("save answered " + saved.statusCode() + ": " + saved.body());
            }
        }
        return latencies;
    }

    private static void awaitFirstAnswer(HttpClient client, String base) throws Exception {
        while (get(client, base + "/api/v1/pages?limit=1").statusCode() != 200) {
            Thread.sleep(10);
        }
    }

    private static void awaitIndex(HttpClient client, String base, String lastTitle) throws Exception {
        String url = base + "/api/v1/search?q=" + URLEncoder.encode("title:\"" + lastTitle + "\"", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (get(client, url).body().startsWith("{\"total\":0") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    // Spread over the whole corpus, so the mix is not one corner of it.
    private static int hotTitle(int i, int pages) {
        return (int) ((long) i * pages / Math.min(pages, HOT_TITLES));
    }

    private static String path(Corpus titles, int i) {
        return titles.title(i).urlPath();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
        }
    }

    private void put(String name, String unit, double value, String target) {
        results.put(name + " " + unit, round(value));
        results.put(name + " target", target);
    }

    private void latency(String name, Latencies latencies) {
        results.put(name + " p50 ms", round(latencies.percentileMillis(0.5)));
        results.put(name + " p99 ms", round(latencies.percentileMillis(0.99)));
        results.put(name + " requests", latencies.count());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void print() {
        out.println();
        results.forEach((name, value) -> out.printf("  %-48s %s%n", name, value));
        out.flush();
    }
}
