package org.clinwiki.bench;

import java.time.Clock;
import static org.clinwiki.bench.Bursts.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.clinwiki.Wiki;
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
    private WikiClient wiki;
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
        try (Wiki wiki = Wiki.open(Config.defaults().withDataDir(data), Clock.systemUTC())) {
            wiki.users().create("attacker", "Attacker", "", Role.EDITOR, PASSWORD);
            wiki.users().create("bystander", "Bystander", "", Role.EDITOR, PASSWORD);
            wiki.users().create("target", "Target", "", Role.EDITOR, PASSWORD);
        }
        Process server = Processes.start(LoadBenchmark.SERVER_JVM, Main.class, List.of("serve", "--host", "127.0.0.1",
                "--port", "0", "--data", data.toString(), "--edits-per-minute", "1000000", "--previews-per-minute", "1000000",
                "--login-failures-per-address", "100000"));
        try {
            wiki = new WikiClient("http://127.0.0.1:" + Processes.port(server));
            wiki.awaitFirstAnswer();
            attacker = wiki.token("attacker", PASSWORD);
            bystander = wiki.token("bystander", PASSWORD);
            wiki.put("Quiet_page", "An ordinary article about [[CPOE]] and alert fatigue.\n\n".repeat(20), bystander, null);

            progress("quiet page views and saves");
            Latencies quietViews = repeat(QUIET_SAMPLES, () -> wiki.get("/wiki/Quiet_page"));
            Latencies quietSaves = repeat(QUIET_SAMPLES, () -> saveOnce("Quiet_save"));
            figures.latencies("page view, quiet", quietViews, new Latencies());
            figures.latencies("save, quiet", quietSaves, new Latencies());

            diffs(quietViews, quietSaves);
            merges(quietSaves);
            previews();
            logins();
            slowBodies(quietViews);
            figures.add("peak RSS of the server", "MB", Processes.peakRssMb(server.pid()), Double.NaN);
            figures.fact("server still answering", wiki.get("/api/v1/pages?limit=1").statusCode() == 200);
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
        long first = wiki.put("Big_diff", HostileMarkdown.randomLines(new Random(1), 2 * MIB), attacker, null);
        long second = wiki.put("Big_diff", HostileMarkdown.randomLines(new Random(2), 2 * MIB), attacker, first);
        String api = "/api/v1/pages/Big_diff/diff?from=" + first + "&to=" + second;
        Latencies alone = repeat(3, () -> wiki.get(api));
        JsonNode diff = JSON.readTree(wiki.get(api).body());
        String smallText = HostileMarkdown.randomLines(new Random(3), 20_000);
        long small = wiki.put("Small_diff", smallText, attacker, null);
        long edited = wiki.put("Small_diff", smallText.replaceFirst("\n", " edited\n"), attacker, small);
        Latencies ordinary = repeat(20, () -> wiki.get("/api/v1/pages/Small_diff/diff?from=" + small + "&to=" + edited));
        double median = alone.percentileMillis(0.5);
        boolean simplified = diff.path("simplified").asBoolean() || diff.path("truncated").asBoolean();
        figures.add("diff of two unrelated 2 MiB revisions, API (simplified: " + simplified + ")", "ms", median,
                ordinary.percentileMillis(0.5), "< 1,000 or simplified", median < 1000 || simplified);
        int[] status = new int[1];
        long page = time(() -> status[0] = wiki.get("/wiki/Big_diff/diff?from=" + first + "&to=" + second).statusCode());
        figures.add("the same diff as an HTML page (status " + status[0] + ")", "ms", page / 1e6, ordinary.percentileMillis(0.5));

        Latencies views = new Latencies();
        Latencies saves = new Latencies();
        Latencies heavy = new Latencies();
        Bursts.underLoad(4, () -> {
            for (int i = 0; i < 3; i++) {
                heavy.add(time(() -> wiki.get(api)));
            }
            return null;
        }, () -> {
            views.add(time(() -> wiki.get("/wiki/Quiet_page")));
            saves.add(time(() -> saveOnce("Busy_save")));
            return null;
        });
        figures.add("4 such diffs at once, each", "ms", heavy.percentileMillis(0.5), median);
        figures.latencies("page view while 4 big diffs run", views, quietViews);
        figures.latencies("save while 4 big diffs run", saves, quietSaves);
    }

    /** A save based on an old 2 MiB revision of a page whose latest is an unrelated 2 MiB text: a three-way merge. */
    private void merges(Latencies quietSaves) throws Exception {
        progress("stale saves that must merge 2 MiB texts");
        String baseText = HostileMarkdown.randomLines(new Random(4), 2 * MIB);
        long baseRevision = wiki.put("Big_merge", baseText, attacker, null);
        wiki.put("Big_merge", HostileMarkdown.randomLines(new Random(5), 2 * MIB), attacker, baseRevision);
        Map<String, Object> stale = Map.of("markdown", baseText.replace("alpha", "omega"), "baseRevisionId", baseRevision);
        Latencies merging = new Latencies();
        Latencies saves = new Latencies();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Bursts.underLoad(1, () -> {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                int status = wiki.send("PUT", "/api/v1/pages/Big_merge", attacker, stale).statusCode();
                merging.add(System.nanoTime() - start);
                synchronized (statuses) {
                    statuses.merge(status, 1, Integer::sum);
                }
            }
            return null;
        }, () -> {
            saves.add(time(() -> saveOnce("Merge_bystander")));
            return null;
        });
        figures.add("stale 2 MiB save that must merge, answered " + statuses, "ms", merging.percentileMillis(0.5),
                quietSaves.percentileMillis(0.5));
        figures.latencies("someone else's save meanwhile", saves, quietSaves);
    }

    /** Markdown built to make a parser or renderer do the most work per byte. */
    private void previews() throws Exception {
        progress("pathological previews");
        String article = "## Heading\n\nText with **bold**, a [[Link]] and a reference.[^1]\n\n[^1]: Source.\n\n".repeat(100);
        Latencies ordinary = repeat(10, () -> wiki.preview(attacker, article));
        Map<String, Supplier<String>> inputs = new LinkedHashMap<>();
        inputs.put("50,000 footnotes", () -> HostileMarkdown.footnotes(50_000));
        inputs.put("nested emphasis, 200,000 deep", () -> HostileMarkdown.nestedEmphasis(200_000));
        inputs.put("50,000 reference links", () -> HostileMarkdown.referenceLinks(50_000).substring(0, 2 * MIB - 1024));
        inputs.put("20,000 reference links", () -> HostileMarkdown.referenceLinks(20_000));
        inputs.put("100,000 headings", () -> "# h\n".repeat(100_000));
        inputs.put("'>' x 50,000", () -> ">".repeat(50_000));
        inputs.put("'- ' x 50,000", () -> "- ".repeat(50_000));
        inputs.put("'_' x 500,000", () -> "_".repeat(500_000));
        inputs.put("'[[' x 50,000 + ']]' x 50,000", () -> "[[".repeat(50_000) + "]]".repeat(50_000));
        inputs.put("a 2 MiB ordinary article", () -> HostileMarkdown.longArticle(2 * MIB - 4096));
        for (Map.Entry<String, Supplier<String>> input : inputs.entrySet()) {
            String text = input.getValue().get();
            long start = System.nanoTime();
            HttpResponse<String> answer = wiki.preview(attacker, text);
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
        double single = time(() -> wiki.login("nobody", "whatever it is")) / 1e6;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("nobody" + i);
        }
        Latencies burst = new Latencies();
        Map<Integer, Integer> statuses = Bursts.allAtOnce(names, name -> wiki.login(name, "whatever it is"), burst);
        figures.add("40 logins at once to unknown names, slowest; answered " + statuses, "ms", burst.percentileMillis(1.0),
                single, "no 5xx but 503", statuses.keySet().stream().allMatch(s -> s < 500 || s == 503));
        List<String> guesses = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            guesses.add("wrong guess " + i);
        }
        guesses.add(PASSWORD);
        Map<Integer, Integer> guessed = Bursts.allAtOnce(guesses, password -> wiki.login("target", password), new Latencies());
        int checked = guessed.entrySet().stream().filter(e -> e.getKey() != 429).mapToInt(Map.Entry::getValue).sum();
        figures.add("40 guesses at once at one account, answered " + guessed, "checked", checked, Double.NaN,
                "≤ 5 (the limit)", checked <= 5);
    }

    /** Hundreds of connections each sending a request body a byte at a time, while someone reads. */
    private void slowBodies(Latencies quietViews) throws Exception {
        progress("400 slow request bodies");
        List<Socket> sockets = new ArrayList<>();
        Latencies views;
        try {
            for (int i = 0; i < 400; i++) {
                Socket socket = new Socket("127.0.0.1", wiki.port());
                OutputStream body = socket.getOutputStream();
                body.write(("POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                body.flush();
                sockets.add(socket);
            }
            views = repeat(50, () -> wiki.get("/wiki/Quiet_page"));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        figures.latencies("page view while 400 bodies trickle in", views, quietViews);
    }

    private static Latencies repeat(int count, Bursts.Call call) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            latencies.add(time(call));
        }
        return latencies;
    }

    private synchronized Object saveOnce(String title) throws Exception {
        HttpResponse<String> answer = wiki.send("PUT", "/api/v1/pages/" + title + "_" + saves++, bystander,
                Map.of("markdown", "A short note number " + saves + "."));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("a bystander's save answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private void progress(String step) {
        out.println("  … " + step);
        out.flush();
    }
}
