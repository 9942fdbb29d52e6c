package org.clinwiki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.clinwiki.App;
import org.clinwiki.Config;
import org.clinwiki.cli.Main;
import org.clinwiki.user.Role;

/**
 * The worst cases a hostile visitor can ask for, against a server process run as the README
 * says for small servers ({@code -Xmx160m -XX:+UseSerialGC}), beside what ordinary requests
 * cost on the same server in the same run: a diff of two unrelated 2 MiB revisions, a stale
 * save that must merge two of them, pathological Markdown previews, 40 logins at once, and
 * hundreds of request bodies sent a byte at a time. While the heavy requests run, page views
 * and saves by someone else are timed too: they should stay near their quiet figures.
 */
public final class HostileBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long passphrase for measuring";
    private static final int MIB = 1024 * 1024;
    private static final int QUIET_SAMPLES = 100;

    private final PrintWriter out;
    private final Figures figures = new Figures();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;
    private String attacker;
    private String bystander;
    private int saves;

    public HostileBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Runs everything in {@code scratch}; prints the table and returns it. */
    public Figures run(Path scratch) throws Exception {
        figures.fact("cores", Runtime.getRuntime().availableProcessors());
        figures.fact("java", Runtime.version().toString());
        figures.fact("server JVM options", String.join(" ", LoadBenchmark.SERVER_JVM));
        Path data = scratch.resolve("data");
        try (App app = App.open(Config.defaults().withDataDir(data))) {
            app.users().create("attacker", "Attacker", "", Role.EDITOR, PASSWORD);
            app.users().create("bystander", "Bystander", "", Role.EDITOR, PASSWORD);
            app.users().create("target", "Target", "", Role.EDITOR, PASSWORD);
        }
        Process server = Processes.start(LoadBenchmark.SERVER_JVM, List.of(Main.class.getName(), "serve", "--host", "127.0.0.1",
                "--port", "0", "--data", data.toString(), "--edits-per-minute", "1000000", "--previews-per-minute", "1000000",
                "--login-failures-per-address", "100000"));
        try {
            base = "http://127.0.0.1:" + Processes.port(server);
            awaitFirstAnswer();
            attacker = login("attacker");
            bystander = login("bystander");
            put("Quiet_page", "An ordinary article about [[CPOE]] and alert fatigue.\n\n".repeat(20), bystander, null);

            progress("quiet page views and saves");
            Latencies quietViews = timeViews(QUIET_SAMPLES);
            Latencies quietSaves = timeSaves("Quiet_save", QUIET_SAMPLES);
            figures.latencies("page view, quiet", quietViews, new Latencies());
            figures.latencies("save, quiet", quietSaves, new Latencies());

            diffs(quietViews, quietSaves);
            merges(quietSaves);
            previews();
            logins();
            slowBodies(quietViews);
            figures.add("peak RSS of the server", "MB", Processes.peakRssMb(server.pid()), Double.NaN);
            figures.fact("server still answering", get("/api/v1/pages?limit=1").statusCode() == 200);
        } finally {
            server.destroy();
            server.waitFor();
        }
        figures.print(out);
        return figures;
    }

    /** Two unrelated 2 MiB revisions, diffed alone and four at a time while someone else reads and saves. */
    private void diffs(Latencies quietViews, Latencies quietSaves) throws Exception {
        progress("diffs of two unrelated 2 MiB revisions");
        long first = put("Big_diff", lines(new Random(1), 2 * MIB), attacker, null);
        long second = put("Big_diff", lines(new Random(2), 2 * MIB), attacker, first);
        String api = "/api/v1/pages/Big_diff/diff?from=" + first + "&to=" + second;
        Latencies alone = new Latencies();
        JsonNode diff = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = get(api);
            alone.add(System.nanoTime() - start);
            diff = JSON.readTree(answer.body());
        }
        long small = put("Small_diff", lines(new Random(3), 20_000), attacker, null);
        long edited = put("Small_diff", lines(new Random(3), 20_000).replaceFirst("\n", " edited\n"), attacker, small);
        Latencies ordinary = new Latencies();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            get("/api/v1/pages/Small_diff/diff?from=" + small + "&to=" + edited);
            ordinary.add(System.nanoTime() - start);
        }
        double median = alone.percentileMillis(0.5);
        boolean simplified = diff.path("simplified").asBoolean() || diff.path("truncated").asBoolean();
        figures.add("diff of two unrelated 2 MiB revisions, API (simplified: " + simplified + ")", "ms", median,
                ordinary.percentileMillis(0.5), "< 1,000 or simplified", median < 1000 || simplified);
        long start = System.nanoTime();
        int status = get("/wiki/Big_diff/diff?from=" + first + "&to=" + second).statusCode();
        figures.add("the same diff as an HTML page (status " + status + ")", "ms", (System.nanoTime() - start) / 1e6,
                ordinary.percentileMillis(0.5));

        Latencies views = new Latencies();
        Latencies saves = new Latencies();
        Latencies heavy = new Latencies();
        underLoad(4, () -> {
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                get(api);
                heavy.add(System.nanoTime() - t);
            }
            return null;
        }, () -> {
            views.add(timeOne(() -> get("/wiki/Quiet_page")));
            saves.add(timeOne(() -> saveOnce("Busy_save")));
            return null;
        });
        figures.add("4 such diffs at once, each", "ms", heavy.percentileMillis(0.5), median);
        figures.latencies("page view while 4 big diffs run", views, quietViews);
        figures.latencies("save while 4 big diffs run", saves, quietSaves);
    }

    /** A save based on an old 2 MiB revision of a page whose latest is an unrelated 2 MiB text: a three-way merge. */
    private void merges(Latencies quietSaves) throws Exception {
        progress("stale saves that must merge 2 MiB texts");
        String baseText = lines(new Random(4), 2 * MIB);
        long baseRevision = put("Big_merge", baseText, attacker, null);
        put("Big_merge", lines(new Random(5), 2 * MIB), attacker, baseRevision);
        String mine = baseText.replace("alpha", "omega");
        Latencies merging = new Latencies();
        Latencies saves = new Latencies();
        Map<Integer, Integer> statuses = new TreeMap<>();
        underLoad(1, () -> {
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                HttpResponse<String> answer = send("PUT", "/api/v1/pages/Big_merge", attacker,
                        JSON.writeValueAsString(Map.of("markdown", mine, "baseRevisionId", baseRevision)));
                merging.add(System.nanoTime() - t);
                synchronized (statuses) {
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                }
            }
            return null;
        }, () -> {
            saves.add(timeOne(() -> saveOnce("Merge_bystander")));
            return null;
        });
        figures.add("stale 2 MiB save that must merge, answered " + statuses, "ms", merging.percentileMillis(0.5),
                quietSaves.percentileMillis(0.5));
        figures.latencies("someone else's save meanwhile", saves, quietSaves);
    }

    /** Markdown built to make a parser or renderer do the most work per byte. */
    private void previews() throws Exception {
        progress("pathological previews");
        Latencies ordinary = new Latencies();
        String article = "## Heading\n\nText with **bold**, a [[Link]] and a reference.[^1]\n\n[^1]: Source.\n\n".repeat(100);
        for (int i = 0; i < 10; i++) {
            ordinary.add(timeOne(() -> preview(article)));
        }
        Map<String, Supplier<String>> inputs = new java.util.LinkedHashMap<>();
        inputs.put("50,000 footnotes", () -> HostileMarkdown.footnotes(50_000));
        inputs.put("nested emphasis, 200,000 deep", () -> HostileMarkdown.nestedEmphasis(200_000));
        inputs.put("50,000 reference links", () -> HostileMarkdown.referenceLinks(50_000).substring(0, 2 * MIB - 1024));
        inputs.put("20,000 reference links", () -> HostileMarkdown.referenceLinks(20_000));
        inputs.put("100,000 headings", () -> "# h\n".repeat(100_000));
        inputs.put("'>' x 50,000", () -> ">".repeat(50_000));
        inputs.put("'- ' x 50,000", () -> "- ".repeat(50_000));
        inputs.put("'_' x 500,000", () -> "_".repeat(500_000));
        inputs.put("'[[' x 50,000 + ']]' x 50,000", () -> "[[".repeat(50_000) + "]]".repeat(50_000));
        inputs.put("a 2 MiB ordinary article", () -> longArticle(2 * MIB - 4096));
        for (Map.Entry<String, Supplier<String>> input : inputs.entrySet()) {
            String text = input.getValue().get();
            long start = System.nanoTime();
            HttpResponse<String> answer = preview(text);
            double millis = (System.nanoTime() - start) / 1e6;
            String code = answer.statusCode() == 200 ? "rendered" : answer.statusCode() + " "
                    + JSON.readTree(answer.body()).path("error").path("code").asText();
            figures.add("preview of " + input.getKey() + " (" + text.length() / 1024 + " KiB): " + code, "ms", millis,
                    ordinary.percentileMillis(0.5), "no 5xx", answer.statusCode() < 500);
        }
    }

    /** Forty logins at once: to unknown accounts (each a password hash), and forty guesses at one account. */
    private void logins() throws Exception {
        progress("40 logins at once");
        long start = System.nanoTime();
        HttpResponse<String> one = login("nobody", "whatever it is");
        double single = (System.nanoTime() - start) / 1e6;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("nobody" + i);
        }
        Latencies burst = new Latencies();
        Map<Integer, Integer> statuses = concurrently(names, name -> login(name, "whatever it is"), burst);
        figures.add("40 logins at once to unknown names, slowest; answered " + statuses, "ms", burst.percentileMillis(1.0),
                single, "no 5xx but 503", statuses.keySet().stream().allMatch(s -> s < 500 || s == 503));
        List<String> guesses = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            guesses.add("wrong guess " + i);
        }
        guesses.add(PASSWORD);
        Map<Integer, Integer> guessed = concurrently(guesses, password -> login("target", password), new Latencies());
        int checked = guessed.entrySet().stream().filter(e -> e.getKey() != 429).mapToInt(Map.Entry::getValue).sum();
        figures.add("40 guesses at once at one account, answered " + guessed, "checked", checked, Double.NaN,
                "≤ 5 (the limit)", checked <= 5);
        out.printf("  (single login: %d)%n", one.statusCode());
    }

    /** Hundreds of connections each sending a request body a byte at a time, while someone reads. */
    private void slowBodies(Latencies quietViews) throws Exception {
        progress("400 slow request bodies");
        List<Socket> sockets = new ArrayList<>();
        Latencies views = new Latencies();
        try {
            for (int i = 0; i < 400; i++) {
                Socket socket = new Socket("127.0.0.1", URI.create(base).getPort());
                OutputStream body = socket.getOutputStream();
                body.write(("POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                body.flush();
                sockets.add(socket);
            }
            for (int i = 0; i < 50; i++) {
                views.add(timeOne(() -> get("/wiki/Quiet_page")));
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        figures.latencies("page view while 400 bodies trickle in", views, quietViews);
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** Runs {@code heavy} on {@code threads} threads; while any runs, repeats {@code probe}. */
    private static void underLoad(int threads, Call heavy, Call probe) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(heavy::run));
            }
            while (running.stream().anyMatch(future -> !future.isDone())) {
                probe.run();
                Thread.sleep(20);
            }
            for (Future<Object> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private interface Request<T> {
        HttpResponse<String> send(T input) throws Exception;
    }

    /** Sends all at once; returns how many got each status, and the latencies into {@code times}. */
    private static <T> Map<Integer, Integer> concurrently(List<T> inputs, Request<T> request, Latencies times) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(inputs.size())) {
            for (T input : inputs) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    try {
                        return request.send(input).statusCode();
                    } catch (Exception e) {
                        return -1;
                    } finally {
                        times.add(System.nanoTime() - start);
                    }
                }, pool));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            answers.forEach(answer -> statuses.merge(answer.join(), 1, Integer::sum));
            return statuses;
        }
    }

    private Latencies timeViews(int count) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            latencies.add(timeOne(() -> get("/wiki/Quiet_page")));
        }
        return latencies;
    }

    private Latencies timeSaves(String title, int count) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            latencies.add(timeOne(() -> saveOnce(title)));
        }
        return latencies;
    }

    private synchronized Object saveOnce(String title) throws Exception {
        HttpResponse<String> answer = send("PUT", "/api/v1/pages/" + title + "_" + saves++, bystander,
                JSON.writeValueAsString(Map.of("markdown", "A short note number " + saves + ".")));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("a bystander's save answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static long timeOne(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    /** Saves a page and returns the new revision's id. */
    private long put(String title, String markdown, String token, Long baseRevision) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("markdown", markdown));
        if (baseRevision != null) {
            body.put("baseRevisionId", baseRevision);
        }
        HttpResponse<String> answer = send("PUT", "/api/v1/pages/" + title, token, JSON.writeValueAsString(body));
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("saving " + title + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("revision").path("id").asLong();
    }

    private HttpResponse<String> preview(String markdown) throws Exception {
        return send("POST", "/api/v1/preview", attacker, JSON.writeValueAsString(Map.of("markdown", markdown)));
    }

    private String login(String name) throws Exception {
        return JSON.readTree(login(name, PASSWORD).body()).path("token").asText();
    }

    private HttpResponse<String> login(String name, String password) throws Exception {
        return send("POST", "/api/v1/login", "", JSON.writeValueAsString(Map.of("username", name, "password", password)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitFirstAnswer() throws Exception {
        while (true) {
            try {
                if (get("/api/v1/pages?limit=1").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The port is announced just before Jetty accepts.
            }
            Thread.sleep(10);
        }
    }

    /** Lines of random words, about {@code bytes} long: text no two seeds share. */
    private static String lines(Random random, int bytes) {
        String[] words = {"alpha", "order", "alert", "dose", "chart", "nurse", "lab", "ward", "triage", "sepsis", "insulin", "scan"};
        StringBuilder text = new StringBuilder(bytes + 64);
        while (text.length() < bytes - 64) {
            text.append(words[random.nextInt(words.length)]).append(' ').append(random.nextInt(1_000_000)).append(' ')
                    .append(words[random.nextInt(words.length)]).append('\n');
        }
        return text.toString();
    }


    /** Sections of paragraphs with links, emphasis, a table and a reference each, as long articles have. */
    private static String longArticle(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 4096);
        for (int section = 0; text.length() < bytes; section++) {
            text.append("## Section ").append(section).append("\n\n");
            for (int paragraph = 0; paragraph < 12 && text.length() < bytes; paragraph++) {
                text.append("Computerized provider order entry (CPOE) with [[Clinical decision support|CDS]] reduced ")
                        .append("*medication errors* in the **intensive care unit**, though alert fatigue remains; see ")
                        .append("[the review](https://example.org/").append(section).append(") and `HL7 v2` messages.\n\n");
            }
            text.append("| Measure | Before | After |\n|---|---|---|\n| Errors | 12 | 4 |\n\n");
            text.append("Reference for this section.[^s").append(section).append("]\n\n[^s").append(section)
                    .append("]: Author A. A study of order entry. J Am Med Inform Assoc. 2020;").append(section).append(".\n\n");
        }
        return text.toString();
    }


    private void progress(String step) {
        out.println("  … " + step);
        out.flush();
    }
}
