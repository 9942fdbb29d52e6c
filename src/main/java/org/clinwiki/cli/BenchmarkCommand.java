package org.clinwiki.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinwiki.Config;
import org.clinwiki.search.SearchBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", description = "Measure performance on generated data; prints figures.",
        subcommands = BenchmarkCommand.Search.class)
final class BenchmarkCommand {

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
                throw new CommandFailedException("--pages, --clients and --rounds must be at least 1.");
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

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
