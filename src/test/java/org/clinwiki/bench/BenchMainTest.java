package org.clinwiki.bench;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.clinwiki.Config;
import org.clinwiki.Wiki;
import org.clinwiki.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {

    record Run(int exitCode, String out, String err) {
    }

    /** {@link BenchMain#run} or the product's {@link Main#run}. */
    @FunctionalInterface
    interface EntryPoint {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    private static Run run(EntryPoint entry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = entry.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theProductCommandsAndTheBenchmarkTools() {
        Run help = run(BenchMain::run, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "import", "reindex", "benchmark", "generate-corpus");
        Run benchmark = run(BenchMain::run, "benchmark");
        assertThat(benchmark.exitCode()).isEqualTo(2);
        assertThat(benchmark.err()).contains("search", "load", "hostile", "mediawiki-import", "cluster");

        Run none = run(BenchMain::run);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Name a command: serve, user, import, export, reindex, reconvert, migrate-db, benchmark, generate-corpus or generate-dump.");
    }

    @Test
    void generateCorpusWritesPagesThatImportCleanly(@TempDir Path corpus, @TempDir Path dataDir) throws Exception {
        Run generated = run(BenchMain::run, "generate-corpus", "--pages", "60", "--out", corpus.toString());
        assertThat(generated.exitCode()).isZero();
        assertThat(generated.out()).startsWith("Wrote 60 pages");
        try (Stream<Path> files = Files.list(corpus)) {
            assertThat(files.count()).isEqualTo(60);
        }
        Run imported = run(Main::run, "import", "markdown", corpus.toString(), "--data", dataDir.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("60 created", "0 failed");
        try (Wiki wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
            Corpus expected = new Corpus(42);
            assertThat(wiki.reader().article(expected.title(19), Optional.empty()).rendered().redirect()).isPresent();
            assertThat(wiki.reader().article(expected.title(0), Optional.empty()).markdown()).isEqualTo(expected.markdown(0, 60).strip());
        }
        Run refused = run(BenchMain::run, "generate-corpus", "--pages", "0", "--out", corpus.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("error: --pages must be at least 1.");
    }
}
