package org.clinwiki.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinwiki.Config;
import org.clinwiki.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", description = "Measure performance on generated data; prints figures.",
        subcommands = {BenchmarkCommand.Search.class, BenchmarkCommand.Load.class, BenchmarkCommand.Hostile.class,
                BenchmarkCommand.MediaWiki.class, BenchmarkCommand.Cluster.class})
final class BenchmarkCommand {

    @Command(name = "mediawiki-import", description = "Import a generated full-history MediaWiki dump into a scratch wiki; "
            + "prints revisions/s beside reading and converting the same dump alone.")
    static final class MediaWiki implements Callable<Integer> {

        @Option(names = "--pages", defaultValue = "2000", description = "Pages in the dump (default: ${DEFAULT-VALUE}).")
        int pages;

        @Option(names = "--revisions", defaultValue = "10", description = "Revisions per page (default: ${DEFAULT-VALUE}).")
        int revisions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (pages < 1 || revisions < 1) {
                throw new InvalidInputException("--pages and --revisions must be at least 1.");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("clinwiki-benchmark-");
            try {
                out.printf("MediaWiki import benchmark: %d cores, Java %s, heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
                new MediaWikiImportBenchmark(out).run(scratch, pages, revisions);
            } finally {
                Search.deleteTree(scratch);
            }
            return 0;
        }
    }

    @Command(name = "search", description = "Index build rate and search latency on a generated corpus, in a scratch data directory.")
    static final class Search implements Callable<Integer> {

        @Option(names = "--pages", defaultValue = "20000", description = "Pages in the corpus (default: ${DEFAULT-VALUE}).")
        int pages;

        @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--rounds", defaultValue = "40", description = "Passes over the query set per client (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (pages < 1 || clients < 1 || rounds < 1) {
                throw new InvalidInputException("--pages, --clients and --rounds must be at least 1.");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("clinwiki-benchmark-");
            try {
                out.printf("Search benchmark: %d pages, %d clients, %d cores, Java %s%n", pages, clients,
                        Runtime.getRuntime().availableProcessors(), Runtime.version());
                new SearchBenchmark(out).run(Config.defaults().withDataDir(scratch), pages, clients, rounds);
            } finally {
                deleteTree(scratch);
            }
            return 0;
        }

        static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Command(name = "load", description = "Import a generated corpus, start a server process and measure it over HTTP against a bare-Javalin baseline; prints a table and writes JSON.")
    static final class Load implements Callable<Integer> {

        @Option(names = "--pages", defaultValue = "20000", description = "Pages in the corpus (default: ${DEFAULT-VALUE}).")
        int pages;

        @Option(names = "--compare-pages", defaultValue = "2000",
                description = "Also measure page views in a wiki this size, to compare their cost; 0 skips it (default: ${DEFAULT-VALUE}).")
        int comparePages;

        @Option(names = "--connections", defaultValue = "16", description = "Connections for page views (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--search-clients", defaultValue = "8", description = "Concurrent search clients (default: ${DEFAULT-VALUE}).")
        int searchClients;

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds per measurement (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--json", defaultValue = "benchmark-load.json", description = "Where to write the figures (default: ${DEFAULT-VALUE}).")
        Path json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (pages < 400 || (comparePages != 0 && comparePages < 400) || connections < 1 || searchClients < 1 || seconds < 1) {
                throw new InvalidInputException("--pages and --compare-pages (unless 0) must be at least 400; "
                        + "--connections, --search-clients and --seconds at least 1.");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("clinwiki-load-");
            try {
                out.printf("Load benchmark: %d pages, %d cores, Java %s (takes several minutes)%n", pages,
                        Runtime.getRuntime().availableProcessors(), Runtime.version());
                out.flush();
                var plan = new LoadBenchmark.Plan(pages, comparePages, connections, searchClients, Duration.ofSeconds(seconds));
                var figures = new LoadBenchmark(out).run(scratch, plan);
                Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures.toMap()));
                out.println("Written to " + json.toAbsolutePath());
            } finally {
                Search.deleteTree(scratch);
            }
            return 0;
        }
    }

    @Command(name = "hostile", description = "Start a server process at -Xmx160m and time the worst requests a visitor can send "
            + "(huge diffs and merges, pathological Markdown, 40 logins at once, slow request bodies) beside ordinary ones; "
            + "prints a table and writes JSON.")
    static final class Hostile implements Callable<Integer> {

        @Option(names = "--json", defaultValue = "benchmark-hostile.json", description = "Where to write the figures (default: ${DEFAULT-VALUE}).")
        Path json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("clinwiki-hostile-");
            try {
                out.printf("Hostile-request benchmark: %d cores, Java %s (takes a few minutes)%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version());
                out.flush();
                var figures = new HostileBenchmark(out).run(scratch);
                Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures.toMap()));
                out.println("Written to " + json.toAbsolutePath());
            } finally {
                Search.deleteTree(scratch);
            }
            return 0;
        }
    }

    @Command(name = "cluster", description = "Import one generated corpus into SQLite and into a throwaway PostgreSQL cluster, then measure "
            + "one node on SQLite, one node on PostgreSQL and two nodes on PostgreSQL behind HAProxy, one after the other on this "
            + "machine: page views, search, saves, and how long an edit takes to be searchable on the other node; prints a table "
            + "of ratios to the SQLite node and writes JSON. Needs PostgreSQL's server programs and haproxy.")
    static final class Cluster implements Callable<Integer> {

        @Option(names = "--pages", defaultValue = "2000", description = "Pages in the corpus (default: ${DEFAULT-VALUE}).")
        int pages;

        @Option(names = "--connections", defaultValue = "16", description = "Connections for page views (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--search-clients", defaultValue = "4", description = "Concurrent search clients (default: ${DEFAULT-VALUE}).")
        int searchClients;

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds per measurement (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--edits", defaultValue = "50",
                description = "Edits timed until searchable, on the same node and on the other (default: ${DEFAULT-VALUE}).")
        int edits;

        @Option(names = "--json", defaultValue = "benchmark-cluster.json", description = "Where to write the figures (default: ${DEFAULT-VALUE}).")
        Path json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (pages < 400 || connections < 1 || searchClients < 1 || seconds < 1 || edits < 1) {
                throw new InvalidInputException("--pages must be at least 400; --connections, --search-clients, --seconds and --edits at least 1.");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("clinwiki-cluster-");
            try {
                out.printf("Cluster benchmark: %d pages, %d cores, Java %s (takes several minutes)%n", pages,
                        Runtime.getRuntime().availableProcessors(), Runtime.version());
                out.flush();
                var plan = new ClusterBenchmark.Plan(pages, connections, searchClients, Duration.ofSeconds(seconds), edits);
                SetupTable table = new ClusterBenchmark(out).run(scratch, plan);
                out.println();
                out.print(table.markdown());
                Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(table.toMap()));
                out.println("Written to " + json.toAbsolutePath());
            } finally {
                Search.deleteTree(scratch);
            }
            return 0;
        }
    }
}
