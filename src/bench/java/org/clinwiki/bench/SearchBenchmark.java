package org.clinwiki.bench;

import java.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.page.Edit;
import org.clinwiki.page.Page;
import org.clinwiki.page.Replacement;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.search.ClinicalAnalyzer;
import org.clinwiki.search.SearchFields;
import org.clinwiki.search.SearchIndex;
import org.clinwiki.search.SearchRequest;
import org.clinwiki.search.SearchService;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;

/**
 * Loads a generated corpus, builds the index from scratch, and measures searches the way the
 * server runs them (synonyms, snippets, facets, spelling), single client and concurrent,
 * against a baseline of bare Lucene body-only queries on the same index in the same run; then
 * autocomplete and how long a save takes to become searchable. Prints figures; judges nothing.
 */
public final class SearchBenchmark {

    /** The fixed query set: what clinicians type (abbreviations, phrases, a misspelling, filters). */
    public static final List<String> QUERIES = List.of(
            "EHR", "electronic health record", "CPOE", "alert fatigue", "\"order set\" governance", "HL7 interface",
            "FHIR", "PHI disclosure", "BCMA pediatrics", "medication reconcilation", "sepsis", "smart infusion pump",
            "downtime", "CDS -alerts", "title:telehealth", "category:Interoperability", "ICD-10 coding", "SNOMED",
            "barcode medication administration", "readmission risk", "natural language processing", "HIE", "eMAR",
            "usability", "nurses workflow", "patient portal enrollment", "role based access", "single sign-on",
            "clinical trial matching", "antimicrobial stewardship");
    static final List<String> TYPED = List.of(
            "e", "el", "ele", "elec", "cl", "clin", "clinical d", "te", "tele", "ph", "phar", "bar", "barcode med",
            "fhir", "inter", "safety", "gov", "ped", "sepsis", "order s");
    private static final int BATCH = 500;

    private final PrintWriter out;

    public SearchBenchmark(PrintWriter out) {
        this.out = out;
    }

    public void run(Config config, int pages, int clients, int rounds) throws Exception {
        try (Wiki wiki = Wiki.open(config, Clock.systemUTC())) {
            Actor actor = FirstRun.systemActor(wiki);
            load(wiki, actor, pages);

            long start = System.nanoTime();
            SearchIndex index = SearchIndex.create(config.dataDir(), wiki.pageFeed(), wiki.renderer(), wiki.vocabulary());
            long indexed = index.catchUpNow((done, total) -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("index build: %d pages in %.1f s = %.0f pages/s (from the database, parse + index + commit)%n",
                    indexed, seconds, indexed / seconds);
            out.flush();

            try (index) {
                index.start();
                SearchService search = new SearchService(index, new Sanitizer());
                queries(index, search, clients, rounds);
                autocomplete(search, rounds);
                visibility(wiki, actor, index);
            }
        }
    }

    private void load(Wiki wiki, Actor actor, int pages) {
        Corpus corpus = new Corpus(42);
        long start = System.nanoTime();
        for (int from = 0; from < pages; from += BATCH) {
            List<Replacement> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(pages, from + BATCH); i++) {
                batch.add(new Replacement(corpus.title(i), corpus.markdown(i, pages), "benchmark corpus"));
            }
            wiki.pages().replaceAll(actor, batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("corpus: %d pages loaded in %.1f s (%.0f pages/s, batches of %d)%n", pages, seconds, pages / seconds, BATCH);
        out.flush();
    }

    private void queries(SearchIndex index, SearchService search, int clients, int rounds) throws Exception {
        QueryBuilder bare = new QueryBuilder(ClinicalAnalyzer.indexing());
        List<Query> baselineQueries = QUERIES.stream()
                .map(q -> bare.createBooleanQuery(SearchFields.ALL, q.replaceAll("[\"\\-:]", " ")))
                .filter(q -> q != null).toList();
        Runnable baselinePass = () -> {
            for (Query query : baselineQueries) {
                try {
                    index.withSearcher(searcher -> searcher.search(query, 20));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        // Warm-up: let the JIT compile the search path before anything is timed.
        for (int i = 0; i < 15; i++) {
            QUERIES.forEach(q -> search.search(SearchRequest.of(q)));
            baselinePass.run();
        }
        long total = search.search(SearchRequest.of("EHR")).total();
        out.printf("queries: %d fixed queries x %d rounds; e.g. EHR matches %d pages%n", QUERIES.size(), rounds, total);

        Latencies baseline = new Latencies();
        for (int r = 0; r < rounds; r++) {
            for (Query query : baselineQueries) {
                long t = System.nanoTime();
                index.withSearcher(searcher -> searcher.search(query, 20));
                baseline.add(System.nanoTime() - t);
            }
        }
        out.println("  baseline, bare Lucene text query, top 20, 1 client:   " + baseline.summary());
        out.println("  full search (synonyms, 5 fields, snippets, facets, spelling), 1 client: "
                + measure(search, 1, rounds).summary());
        out.println("  slowest queries, 1 client (median of " + rounds + "): " + slowest(search, rounds));
        long start = System.nanoTime();
        Latencies concurrent = measure(search, clients, rounds);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("  full search, %d clients: %s  throughput %.0f queries/s%n", clients, concurrent.summary(),
                concurrent.count() / seconds);
        out.flush();
    }

    private static String slowest(SearchService search, int rounds) {
        record Timed(String query, double millis) {
        }
        List<Timed> timed = new ArrayList<>();
        for (String query : QUERIES) {
            Latencies latencies = new Latencies();
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                search.search(SearchRequest.of(query));
                latencies.add(System.nanoTime() - t);
            }
            timed.add(new Timed(query, latencies.percentileMillis(0.5)));
        }
        return timed.stream().sorted(java.util.Comparator.comparingDouble(Timed::millis).reversed()).limit(6)
                .map(t -> String.format("%s %.2f ms", t.query(), t.millis()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Latencies measure(SearchService search, int clients, int rounds) throws Exception {
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        for (int q = 0; q < QUERIES.size(); q++) {
                            // Clients start at different queries, so they do not move in lockstep.
                            String query = QUERIES.get((q + client * 7) % QUERIES.size());
                            long t = System.nanoTime();
                            search.search(SearchRequest.of(query));
                            latencies.add(System.nanoTime() - t);
                        }
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    private void autocomplete(SearchService search, int rounds) {
        Latencies latencies = new Latencies();
        for (int r = 0; r < rounds + 3; r++) {
            for (String typed : TYPED) {
                long t = System.nanoTime();
                search.suggestTitles(typed, 10);
                if (r >= 3) {
                    latencies.add(System.nanoTime() - t);
                }
            }
        }
        out.println("autocomplete (prefix, word and infix over all titles), 1 client: " + latencies.summary());
        out.flush();
    }

    private void visibility(Wiki wiki, Actor actor, SearchIndex index) throws InterruptedException {
        Latencies latencies = new Latencies();
        Title title = Title.parse("Benchmark visibility probe");
        for (int i = 0; i < 20; i++) {
            String text = "Probe edit " + i + " mentions zymurgy" + i + ".";
            Page page = wiki.reader().find(title, java.util.Optional.empty()).orElse(null);
            Edit edit = new Edit(title, text, "probe", page == null ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(page.latestRevisionId()), false);
            wiki.pages().save(actor, edit);
            long t = System.nanoTime();
            index.requestCatchUp();
            if (!index.awaitCurrent(Duration.ofSeconds(10))) {
                out.println("save to searchable: an edit was not searchable within 10 s");
                return;
            }
            latencies.add(System.nanoTime() - t);
        }
        out.println("save to searchable (after the save commits), 20 edits: " + latencies.summary());
        out.flush();
    }
}
