package org.clinwiki.bench;

import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.ArrayList;
import java.time.Clock;
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
import java.util.List;
import java.util.function.IntFunction;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.cli.Main;
import org.clinwiki.user.Role;

/**
 * The load benchmark: a generated corpus is imported, a Clinwiki server is started as its own
 * process, and this process measures it over loopback HTTP like users would: page views with
 * many connections, searches with several clients, autocomplete, sequential saves (answered,
 * until a polling search finds them, and answered once searchable), plus import rate, time to
 * first answer and peak memory. The baseline is a bare Javalin process answering with the bytes
 * Clinwiki answered, from memory, measured the same way; the import's baseline stores the same
 * files as bare SQLite rows. A second, smaller wiki shows whether a page view costs more in a
 * larger wiki.
 */
public final class LoadBenchmark {

    private static final String USER = "loadtester";
    private static final String PASSWORD = "a long passphrase for measuring";
    private static final int HOT_TITLES = 1_000;
    static final int SAVES = 100;
    private static final int TRAINING_SAVES_FROM = 10_000;
    private static final String[] TYPED = {"e", "el", "ele", "clin", "tele", "phar", "barcode", "fhir", "inter", "safety"};
    /** The server runs as the README says to run it. */
    static final List<String> SERVER_JVM = List.of("-Xmx160m", "-XX:+UseSerialGC");

    private final PrintWriter out;
    private final Figures figures = new Figures();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Corpus titles = new Corpus(42);

    public LoadBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** What to measure: the wiki's size, a smaller size to compare page-view cost with (0: none), the load. */
    public record Plan(int pages, int comparePages, int connections, int searchClients, Duration duration) {

        /** Searching before search is measured, while the JIT compiles. */
        Duration searchWarmUp() {
            return duration.multipliedBy(3);
        }
    }

    /** Runs everything in {@code scratch}; prints the table and returns it. */
    public Figures run(Path scratch, Plan plan) throws Exception {
        figures.fact("pages", plan.pages());
        figures.fact("cores", Runtime.getRuntime().availableProcessors());
        figures.fact("java", Runtime.version().toString());
        figures.fact("server JVM options", String.join(" ", SERVER_JVM));

        Path data = scratch.resolve("data");
        Path corpus = generate(scratch.resolve("corpus"), plan.pages());
        progress("importing " + plan.pages() + " pages");
        double importRate = importRate(corpus, data, plan.pages());
        figures.fact("pages with earlier versions by other editors", history(plan.pages()));
        double bareRate = BareImport.rate(corpus, scratch.resolve("bare.db"));
        figures.add("import", "pages/s", importRate, bareRate, "≥ 2,000", importRate >= 2000);

        Path recorded = scratch.resolve("recorded");
        Path aot = recordAotCache(scratch, data, plan.pages());
        Process server = startServer(aot.toString().isEmpty() ? SERVER_JVM : Processes.with(SERVER_JVM, "-XX:AOTCache=" + aot), data);
        long started = System.nanoTime();
        try {
            String base = "http://127.0.0.1:" + Processes.port(server);
            awaitFirstAnswer(base);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            progress("waiting for the search index");
            awaitIndex(base, titles.title(plan.pages() - 2).text());
            // After catching up the index merges its segments once: let that finish before measuring.
            Processes.awaitIdle(server.pid());
            record(base, recorded, plan.pages());

            progress("baseline");
            Baseline baseline = Baseline.measure(client, recorded, plan);
            figures.add("start to first answer, with AOT cache", "s", startSeconds, baseline.startSeconds(), "≤ 2", startSeconds <= 2);

            progress("page views");
            HttpLoad views = pageViews(server.pid(), base, plan.pages(), plan);
            figures.add("page views, " + plan.connections() + " connections", "req/s", views.rate(), baseline.views().rate(),
                    "≥ 0.70 of baseline", views.rate() >= 0.7 * baseline.views().rate());
            figures.latencies("page view", views.latencies(), baseline.views().latencies());
            figures.add("server CPU per page view", "µs", views.serverCpuMicrosPerRequest(),
                    baseline.views().serverCpuMicrosPerRequest());

            progress("page views with three thumbnails");
            measureFigures(server.pid(), base, plan, views);

            progress("search");
            List<String> queries = SearchBenchmark.QUERIES;
            IntFunction<String> searchUrl = n -> base + "/api/v1/search?q=" + encode(queries.get(Math.floorMod(n, queries.size())));
            // For the first half minute of searching the JIT is still compiling Lucene's search code on
            // the same two cores (a third of a core on its own): shown apart, then measured warm.
            HttpLoad firstSearches = HttpLoad.run(server.pid(), plan.searchClients(), plan.searchWarmUp(), searchUrl);
            figures.add("search p99, first " + plan.searchWarmUp().toSeconds() + " s (JIT compiling)", "ms",
                    firstSearches.latencies().percentileMillis(0.99), baseline.firstSearch().latencies().percentileMillis(0.99));
            HttpLoad search = HttpLoad.run(server.pid(), plan.searchClients(), plan.duration(), searchUrl);
            figures.latencies("search, " + plan.searchClients() + " clients", search.latencies(), baseline.search().latencies(),
                    0.99, "≤ 20", 20);
            HttpLoad suggest = HttpLoad.run(server.pid(), 1, plan.duration().dividedBy(2),
                    n -> base + "/api/v1/search/suggest?q=" + TYPED[Math.floorMod(n, TYPED.length)]);
            figures.latencies("autocomplete", suggest.latencies(), baseline.suggest().latencies(), 0.99, "≤ 10", 10);

            progress("saves");
            Saves.Editor editor = new Saves.Editor(client, base, login(base), titles, plan.pages());
            // As with search, the JIT compiles the save and indexing code during the first edits: shown apart, then measured warm.
            Saves firstSaves = editor.measure(0, SAVES, Saves.Wait.POLL);
            figures.add("save until searchable p50, first " + SAVES + " (JIT compiling)", "ms",
                    firstSaves.searchable().percentileMillis(0.5), baseline.saves().searchable().percentileMillis(0.5));
            Saves saves = editor.measure(SAVES, SAVES, Saves.Wait.POLL);
            figures.latencies("save, answered", saves.answered(), baseline.saves().answered());
            figures.latencies("save until searchable (polling search)", saves.searchable(), baseline.saves().searchable());
            // A save that answers once its edit is searchable: the save including the index update,
            // without the polls' searches on the same two cores.
            Saves waited = editor.measure(2 * SAVES, SAVES, Saves.Wait.ANSWER);
            figures.latencies("save answered once searchable (?wait=searchable)", waited.answered(), baseline.saves().answered(),
                    0.5, "≤ 10", 10);
            double peakRss = Processes.peakRssMb(server.pid());
            figures.add("peak RSS", "MB", peakRss, baseline.peakRssMb(), "≤ 512", peakRss <= 512);
            if (plan.comparePages() > 0) {
                compareSmallerWiki(scratch.resolve("smaller"), plan, views);
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        figures.print(out);
        return figures;
    }

    /**
     * Pages with three thumbnails each, beside the plain page views of the same run; then their
     * thumbnails: made once, served from the cache by their versioned address, and revalidated
     * by the latest address with the ETag a browser kept (a 304).
     */
    private void measureFigures(long pid, String base, Plan plan, HttpLoad plain) throws Exception {
        for (int i = 0; i < FigurePages.PAGES; i++) {
            get(client, base + "/wiki/" + FigurePages.path(i));
        }
        HttpLoad views = HttpLoad.run(pid, plan.connections(), plan.duration(), n -> base + "/wiki/" + FigurePages.path(n));
        figures.add("page views with three thumbnails, " + plan.connections() + " connections", "req/s", views.rate(), plain.rate(),
                "≥ 0.90 of plain views", views.rate() >= 0.9 * plain.rate());
        figures.add("server CPU per page view with three thumbnails", "µs", views.serverCpuMicrosPerRequest(),
                plain.serverCpuMicrosPerRequest());
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/wiki/" + FigurePages.path(0))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> thumbnails = new ArrayList<>();
        Matcher source = Pattern.compile("(?:src=\"|, |srcset=\")(/files/[^\" ]+)").matcher(page);
        while (source.find()) {
            thumbnails.add(source.group(1).replace("&amp;", "&"));
        }
        long made = System.nanoTime();
        for (String thumbnail : thumbnails) {
            get(client, base + thumbnail);
        }
        figures.fact("ms to make a figure page's " + thumbnails.size() + " thumbnails (first request each)",
                Math.round((System.nanoTime() - made) / 1e6));
        HttpLoad cached = HttpLoad.run(pid, plan.connections(), plan.duration().dividedBy(2),
                n -> base + thumbnails.get(Math.floorMod(n, thumbnails.size())));
        // Beside plain page views: a thumbnail is a file read from the disk cache, a page view a cached page.
        figures.latencies("thumbnail from the cache (beside: page view)", cached.latencies(), plain.latencies());
        String latest = base + "/files/" + FigurePages.FILES.get(0) + "?width=220";
        String etag = client.send(HttpRequest.newBuilder(URI.create(latest)).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElseThrow();
        HttpLoad revalidated = HttpLoad.run(pid, plan.connections(), plan.duration().dividedBy(2), n -> latest,
                List.of("If-None-Match", etag), 304);
        figures.latencies("thumbnail revalidated, 304 (beside: page view)", revalidated.latencies(), plain.latencies());
    }

    /** Page views and their server CPU in a wiki of {@code comparePages}, beside the full-size run. */
    private void compareSmallerWiki(Path scratch, Plan plan, HttpLoad full) throws Exception {
        progress("the same page views at " + plan.comparePages() + " pages");
        Path data = scratch.resolve("data");
        importRate(generate(scratch.resolve("corpus"), plan.comparePages()), data, plan.comparePages());
        Process server = startServer(SERVER_JVM, data);
        try {
            String base = "http://127.0.0.1:" + Processes.port(server);
            awaitFirstAnswer(base);
            awaitIndex(base, titles.title(plan.comparePages() - 2).text());
            Processes.awaitIdle(server.pid());
            HttpLoad small = pageViews(server.pid(), base, plan.comparePages(), plan);
            String label = " at " + plan.pages() + " pages, beside " + plan.comparePages();
            figures.add("page views" + label, "req/s", full.rate(), small.rate());
            figures.add("server CPU per page view" + label, "µs", full.serverCpuMicrosPerRequest(),
                    small.serverCpuMicrosPerRequest(), "ratio ≤ 1.2 (size-independent)",
                    full.serverCpuMicrosPerRequest() <= 1.2 * small.serverCpuMicrosPerRequest());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private HttpLoad pageViews(long pid, String base, int pages, Plan plan) throws Exception {
        // Warm: a mix of many titles spread over the corpus, each viewed once before measuring.
        int hot = Math.min(pages, HOT_TITLES);
        for (int i = 0; i < hot; i++) {
            get(client, base + "/wiki/" + path(hotTitle(i, pages)));
        }
        return HttpLoad.run(pid, plan.connections(), plan.duration(),
                n -> base + "/wiki/" + path(hotTitle(Math.floorMod(n, hot), pages)));
    }

    /** Keeps Clinwiki's answers for the baseline to give back: pages, search results, suggestions, a save. */
    private void record(String base, Path recorded, int pages) throws Exception {
        int hot = Math.min(pages, HOT_TITLES);
        for (int i = 0; i < 200; i++) {
            BaselineServer.record(recorded, BaselineServer.PAGES, i, get(client, base + "/wiki/" + path(hotTitle(i * hot / 200, pages))).body());
        }
        List<String> queries = SearchBenchmark.QUERIES;
        for (int i = 0; i < queries.size(); i++) {
            BaselineServer.record(recorded, BaselineServer.SEARCHES, i, get(client, base + "/api/v1/search?q=" + encode(queries.get(i))).body());
        }
        for (int i = 0; i < TYPED.length; i++) {
            BaselineServer.record(recorded, BaselineServer.SUGGESTIONS, i, get(client, base + "/api/v1/search/suggest?q=" + TYPED[i]).body());
        }
        Files.writeString(recorded.resolve(BaselineServer.SAVE), get(client, base + "/api/v1/pages/" + path(1)).body());
    }

    /**
     * A training run records a JDK AOT cache (classes loaded and linked ahead of time), as the
     * README suggests for production; the measured start then uses it. Also measures the first
     * start, without a cache. Returns the cache, or an empty path if the JDK made none.
     */
    private Path recordAotCache(Path scratch, Path data, int pages) throws Exception {
        Path aot = scratch.resolve("clinwiki.aot");
        Path config = scratch.resolve("clinwiki.aotconf");
        long started = System.nanoTime();
        Process training = startServer(Processes.with(SERVER_JVM, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config), data);
        try {
            String base = "http://127.0.0.1:" + Processes.port(training);
            awaitFirstAnswer(base);
            figures.add("start to first answer, first start (no AOT cache)", "s", (System.nanoTime() - started) / 1e9, Double.NaN);
            // What the JVM sees here, it loads ahead of time and knows the profile of next start.
            for (int i = 0; i < 200; i++) {
                get(client, base + "/wiki/" + path(i * 7));
                get(client, base + "/api/v1/search?q=" + encode(SearchBenchmark.QUERIES.get(i % SearchBenchmark.QUERIES.size())));
                get(client, base + "/api/v1/search/suggest?q=" + TYPED[i % TYPED.length]);
            }
            // Edits too, numbered apart from the measured ones (other pages, other words), once the
            // index is built and merged: until then an edit waits for it.
            awaitIndex(base, titles.title(pages - 2).text());
            Processes.awaitIdle(training.pid());
            Saves.Editor editor = new Saves.Editor(client, base, login(base), titles, pages);
            editor.measure(TRAINING_SAVES_FROM, 25, Saves.Wait.POLL);
            editor.measure(TRAINING_SAVES_FROM + 25, 25, Saves.Wait.ANSWER);
            // The measured server finds the index built; this one built and merged it.
            figures.add("peak RSS, first start (builds the search index)", "MB", Processes.peakRssMb(training.pid()), Double.NaN);
        } finally {
            training.destroy();
            training.waitFor();
        }
        Process create = Processes.start(
                Processes.with(SERVER_JVM, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + aot),
                Main.class, List.of());
        create.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        create.waitFor();
        return Files.isRegularFile(aot) ? aot : Path.of("");
    }

    private static Process startServer(List<String> jvm, Path data) throws IOException {
        return Processes.start(jvm, Main.class, List.of("serve", "--host", "127.0.0.1", "--port", "0",
                "--data", data.toString(), "--edits-per-minute", "1000000"));
    }

    private static Path generate(Path corpus, int pages) {
        cli("generate-corpus", "--pages", Integer.toString(pages), "--out", corpus.toString());
        return corpus;
    }

    /**
     * Writes the earlier versions of one page in five (oldest first, by several editors), then
     * imports the corpus with the CLI, in this process, which adds each page's final version.
     * Only the import is timed. Also adds the benchmark's editor.
     */
    private double importRate(Path corpus, Path data, int pages) {
        try (Wiki wiki = Wiki.open(Config.defaults().withDataDir(data), Clock.systemUTC())) {
            CorpusHistory.write(wiki, titles, pages, PASSWORD);
        }
        long start = System.nanoTime();
        cli("import", "markdown", corpus.toString(), "--data", data.toString(), "--summary", "benchmark corpus");
        double rate = pages / ((System.nanoTime() - start) / 1e9);
        try (Wiki wiki = Wiki.open(Config.defaults().withDataDir(data), Clock.systemUTC())) {
            wiki.users().create(USER, "Benchmark", "", Role.EDITOR, PASSWORD);
            FigurePages.write(wiki);
        }
        return rate;
    }

    private String login(String base) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return login.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    }

    private void awaitFirstAnswer(String base) throws Exception {
        while (true) {
            try {
                if (get(client, base + "/api/v1/pages?limit=1").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The port is announced just before Jetty accepts.
            }
            Thread.sleep(10);
        }
    }

    private void awaitIndex(String base, String lastTitle) throws Exception {
        String url = base + "/api/v1/search?q=" + encode("title:\"" + lastTitle + "\"");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (get(client, url).body().startsWith("{\"total\":0") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private long history(int pages) {
        long count = 0;
        for (int i = 0; i < pages; i++) {
            count += titles.earlierVersions(i, pages).isEmpty() ? 0 : 1;
        }
        return count;
    }

    private void progress(String step) {
        out.println("  … " + step);
        out.flush();
    }

    // Spread over the whole corpus, so the mix is not one corner of it.
    static int hotTitle(int i, int pages) {
        return (int) ((long) i * pages / Math.min(pages, HOT_TITLES));
    }

    private String path(int i) {
        return titles.title(i).urlPath();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
        }
    }
}
