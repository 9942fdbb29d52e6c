package org.clinwiki.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.clinwiki.Config;
import org.clinwiki.Wiki;
import org.clinwiki.cli.Main;
import org.clinwiki.testing.Haproxy;
import org.clinwiki.testing.PostgresServer;
import org.clinwiki.user.Role;

/**
 * One corpus, three deployments on the same machine, measured the same way one after the other:
 * one node on SQLite (the reference), one node on PostgreSQL, and two nodes on PostgreSQL behind
 * HAProxy (requests through HAProxy). Each node is a {@code serve} process started as operators
 * start it ({@link LoadBenchmark#SERVER_JVM}), with a data directory of its own (its search
 * index); PostgreSQL is a throwaway cluster ({@link PostgresServer}), each setup on its own copy
 * of the imported database. Measured per setup: page views, search, saves, and how long an edit
 * takes to be searchable: on the node that saved it, and, with two nodes, on the other one.
 */
public final class ClusterBenchmark {

    static final List<String> SETUPS = List.of("SQLite, 1 node", "PostgreSQL, 1 node", "PostgreSQL, 2 nodes + HAProxy");
    private static final String USER = "loadtester";
    private static final String PASSWORD = "a long passphrase for measuring";
    private static final int HOT_TITLES = 1_000;
    private static final int WARM_SAVES = 50;
    private static final int SAVES = 100;

    private final PrintWriter out;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Corpus titles = new Corpus(42);

    public ClusterBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** The corpus's size, the load, and how many edits the searchable figures take. */
    public record Plan(int pages, int connections, int searchClients, Duration duration, int edits) {
    }

    /** What one setup measured. */
    record Measured(HttpLoad views, HttpLoad search, Saves saves, Latencies sameNode, Latencies otherNode, double importRate) {
    }

    /** Runs everything in {@code scratch}; prints the table and returns it. */
    public SetupTable run(Path scratch, Plan plan) throws Exception {
        SetupTable table = new SetupTable(SETUPS);
        table.fact("pages", plan.pages());
        table.fact("cores", Runtime.getRuntime().availableProcessors());
        table.fact("java", Runtime.version().toString());
        table.fact("server JVM options", String.join(" ", LoadBenchmark.SERVER_JVM));
        Path corpus = scratch.resolve("corpus");
        cli("generate-corpus", "--pages", Integer.toString(plan.pages()), "--out", corpus.toString());

        List<Measured> measured = new ArrayList<>();
        try (PostgresServer postgres = PostgresServer.start()) {
            table.fact("PostgreSQL", postgres.url("…") + " (fsync on, shared_buffers 64MB, as the test harness sets it)");
            progress("importing " + plan.pages() + " pages into SQLite");
            Path sqlite = scratch.resolve("sqlite");
            double sqliteImport = importCorpus(corpus, Config.defaults().withDataDir(sqlite), plan.pages());
            progress("importing " + plan.pages() + " pages into PostgreSQL");
            String template = postgres.createDatabase();
            double postgresImport = importCorpus(corpus, Config.defaults().withDataDir(scratch.resolve("pg-import"))
                    .withDatabase(postgres.url(template)), plan.pages());

            progress(SETUPS.get(0));
            measured.add(measure(plan, List.of(sqlite), "", postgres, false, sqliteImport));
            progress(SETUPS.get(1));
            measured.add(measure(plan, List.of(scratch.resolve("pg1")), postgres.url(postgres.createDatabaseFrom(template)),
                    postgres, false, postgresImport));
            progress(SETUPS.get(2));
            measured.add(measure(plan, List.of(scratch.resolve("pg2a"), scratch.resolve("pg2b")),
                    postgres.url(postgres.createDatabaseFrom(template)), postgres, true, postgresImport));
        }
        fill(table, plan, measured);
        table.print(out);
        return table;
    }

    private static void fill(SetupTable table, Plan plan, List<Measured> m) {
        table.add("import markdown", "pages/s", values(m, Measured::importRate));
        table.add("page views, " + plan.connections() + " connections", "req/s", values(m, x -> x.views().rate()));
        table.add("page view p50", "ms", values(m, x -> x.views().latencies().percentileMillis(0.5)));
        table.add("page view p99", "ms", values(m, x -> x.views().latencies().percentileMillis(0.99)));
        table.add("CPU per page view, all processes", "µs", values(m, x -> x.views().serverCpuMicrosPerRequest()));
        table.add("  of which PostgreSQL", "µs", values(m, x -> x.views().cpuMicrosPerRequest().getOrDefault("postgres", 0.0)));
        table.add("search, " + plan.searchClients() + " clients p50", "ms", values(m, x -> x.search().latencies().percentileMillis(0.5)));
        table.add("search, " + plan.searchClients() + " clients p99", "ms", values(m, x -> x.search().latencies().percentileMillis(0.99)));
        table.add("searches", "req/s", values(m, x -> x.search().rate()));
        table.add("CPU per search, all processes", "µs", values(m, x -> x.search().serverCpuMicrosPerRequest()));
        table.add("  of which PostgreSQL", "µs", values(m, x -> x.search().cpuMicrosPerRequest().getOrDefault("postgres", 0.0)));
        table.add("save, answered p50", "ms", values(m, x -> x.saves().answered().percentileMillis(0.5)));
        table.add("save, answered p99", "ms", values(m, x -> x.saves().answered().percentileMillis(0.99)));
        table.add("edit searchable on the node that saved it p50", "ms", values(m, x -> x.sameNode().percentileMillis(0.5)));
        table.add("edit searchable on the node that saved it p99", "ms", values(m, x -> x.sameNode().percentileMillis(0.99)));
        // The reference for the other node is the same node of the one-node setups: what a reader waits for.
        table.add("edit searchable on the other node p50 (1 node: same node)", "ms",
                values(m, x -> (x.otherNode() != null ? x.otherNode() : x.sameNode()).percentileMillis(0.5)));
        table.add("edit searchable on the other node p99 (1 node: same node)", "ms",
                values(m, x -> (x.otherNode() != null ? x.otherNode() : x.sameNode()).percentileMillis(0.99)));
    }

    private static double[] values(List<Measured> measured, java.util.function.ToDoubleFunction<Measured> figure) {
        return measured.stream().mapToDouble(figure).toArray();
    }

    /**
     * Starts one server per data directory (on SQLite when {@code database} is empty), behind
     * HAProxy if {@code balanced}, measures, and stops them.
     */
    private Measured measure(Plan plan, List<Path> dataDirs, String database, PostgresServer postgres, boolean balanced,
                             double importRate) throws Exception {
        List<Process> nodes = new ArrayList<>();
        Haproxy haproxy = null;
        try {
            for (Path data : dataDirs) {
                nodes.add(startServer(data, database));
            }
            List<String> bases = new ArrayList<>();
            for (Process node : nodes) {
                bases.add("http://127.0.0.1:" + Processes.port(node));
            }
            for (int i = 0; i < nodes.size(); i++) {
                awaitFirstAnswer(bases.get(i));
                awaitIndex(bases.get(i), titles.title(plan.pages() - 2).text());
            }
            for (Process node : nodes) {
                Processes.awaitIdle(node.pid());
            }
            String entry = bases.get(0);
            Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
            groups.put("servers", () -> nodes.stream().map(Process::pid).toList());
            if (!database.isEmpty()) {
                long postmaster = postgres.pid();
                groups.put("postgres", () -> CpuMeter.tree(postmaster));
            }
            if (balanced) {
                requireHealth(bases);
                List<InetSocketAddress> backends = bases.stream()
                        .map(base -> new InetSocketAddress("127.0.0.1", URI.create(base).getPort())).toList();
                haproxy = Haproxy.start(backends);
                entry = haproxy.uri().toString();
                awaitBalanced(entry);
                long pid = haproxy.pid();
                groups.put("haproxy", () -> List.of(pid));
            }
            CpuMeter cpu = CpuMeter.of(groups);
            String base = entry;

            progress("  page views");
            // Every node views the mix once (its page cache, its JIT), then a warm-up run through the entry.
            int hot = Math.min(plan.pages(), HOT_TITLES);
            for (String node : bases) {
                for (int i = 0; i < hot; i++) {
                    LoadBenchmark.get(client, node + "/wiki/" + path(LoadBenchmark.hotTitle(i, plan.pages())));
                }
            }
            IntFunction<String> view = n -> base + "/wiki/" + path(LoadBenchmark.hotTitle(Math.floorMod(n, hot), plan.pages()));
            HttpLoad.run(cpu, plan.connections(), plan.duration(), view);
            HttpLoad views = HttpLoad.run(cpu, plan.connections(), plan.duration(), view);

            progress("  search");
            List<String> queries = SearchBenchmark.QUERIES;
            IntFunction<String> search = n -> base + "/api/v1/search?q=" + LoadBenchmark.encode(queries.get(Math.floorMod(n, queries.size())));
            // The JIT compiles Lucene's search code in the first half minute of searching (see the load benchmark).
            HttpLoad.run(cpu, plan.searchClients(), plan.duration().multipliedBy(3), search);
            HttpLoad searches = HttpLoad.run(cpu, plan.searchClients(), plan.duration(), search);

            progress("  saves");
            String token = login(base);
            Saves.Editor editor = new Saves.Editor(client, base, token, titles, plan.pages());
            editor.measure(0, WARM_SAVES, Saves.Wait.POLL);
            Saves saves = editor.measure(WARM_SAVES, SAVES, Saves.Wait.POLL);

            progress("  edits until searchable");
            String first = bases.get(0);
            Latencies sameNode = new Saves.Editor(client, first, token, titles, plan.pages())
                    .measure(1_000, plan.edits(), Saves.Wait.POLL).searchable();
            Latencies otherNode = null;
            if (bases.size() > 1) {
                otherNode = new Saves.Editor(client, first, bases.get(1), token, titles, plan.pages())
                        .measure(2_000, plan.edits(), Saves.Wait.POLL).searchable();
            }
            return new Measured(views, searches, saves, sameNode, otherNode, importRate);
        } finally {
            if (haproxy != null) {
                haproxy.close();
            }
            for (Process node : nodes) {
                node.destroy();
            }
            for (Process node : nodes) {
                node.waitFor();
            }
        }
    }

    private static Process startServer(Path data, String database) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--host", "127.0.0.1", "--port", "0", "--data", data.toString(),
                "--edits-per-minute", "1000000"));
        if (!database.isEmpty()) {
            args.addAll(List.of("--database", database));
        }
        return Processes.start(LoadBenchmark.SERVER_JVM, Main.class, args);
    }

    /**
     * Writes the corpus's earlier versions, imports it with the CLI (timed), and adds the
     * benchmark's editor: the same wiki on either database.
     */
    private double importCorpus(Path corpus, Config config, int pages) {
        try (Wiki wiki = Wiki.open(config, Clock.systemUTC())) {
            CorpusHistory.write(wiki, titles, pages, PASSWORD);
        }
        List<String> args = new ArrayList<>(List.of("import", "markdown", corpus.toString(), "--data", config.dataDir().toString(),
                "--summary", "benchmark corpus"));
        if (!config.database().isEmpty()) {
            args.addAll(List.of("--database", config.database()));
        }
        long start = System.nanoTime();
        cli(args.toArray(String[]::new));
        double rate = pages / ((System.nanoTime() - start) / 1e9);
        try (Wiki wiki = Wiki.open(config, Clock.systemUTC())) {
            wiki.users().create(USER, "Benchmark", "", Role.EDITOR, PASSWORD);
        }
        return rate;
    }

    /** HAProxy takes a node out when GET /health fails its checks: without it every request would be refused. */
    private void requireHealth(List<String> bases) throws Exception {
        for (String base : bases) {
            int status = LoadBenchmark.get(client, base + "/health").statusCode();
            if (status != 200) {
                throw new IllegalStateException("GET /health answered " + status + ": HAProxy's health checks would take the node out");
            }
        }
    }

    /** Waits until HAProxy forwards page views to both nodes (its first health checks passed). */
    private void awaitBalanced(String entry) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int ok = 0;
        while (ok < 10) {
            ok = LoadBenchmark.get(client, entry + "/wiki/" + path(0)).statusCode() == 200 ? ok + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HAProxy does not forward page views");
            }
            Thread.sleep(100);
        }
    }

    private String login(String base) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
        }
        return login.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    }

    private void awaitFirstAnswer(String base) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (LoadBenchmark.get(client, base + "/api/v1/pages?limit=1").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The port is announced just before Jetty accepts.
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(base + " does not answer");
    }

    private void awaitIndex(String base, String lastTitle) throws Exception {
        String url = base + "/api/v1/search?q=" + LoadBenchmark.encode("title:\"" + lastTitle + "\"");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (LoadBenchmark.get(client, url).body().startsWith("{\"total\":0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(base + " did not index the corpus in 10 minutes");
            }
            Thread.sleep(200);
        }
    }

    private void progress(String step) {
        out.println("  … " + step);
        out.flush();
    }

    private String path(int i) {
        return titles.title(i).urlPath();
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
        }
    }
}
