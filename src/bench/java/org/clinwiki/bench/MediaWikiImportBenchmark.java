package org.clinwiki.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.mediawiki.ImportSummary;
import org.clinwiki.mediawiki.MediaWikiImport;
import org.clinwiki.testing.SyntheticDump;
import org.clinwiki.wikitext.DumpEntry;
import org.clinwiki.wikitext.DumpReader;
import org.clinwiki.wikitext.DumpRevision;
import org.clinwiki.wikitext.SourceSite;
import org.clinwiki.wikitext.WikitextConverter;

/**
 * The MediaWiki import's rate on a generated full-history dump, beside two baselines measured in
 * the same run on the same dump: reading it alone, and reading and converting it without
 * writing. The import's rate includes conversion, authors, history, the report and the commit.
 * The baselines run once unmeasured first, and the import is measured after a smaller one into
 * another wiki, so all three are measured with the JIT compiler warm; the smaller import's rate
 * shows the cold start.
 */
final class MediaWikiImportBenchmark {

    private final PrintWriter out;

    MediaWikiImportBenchmark(PrintWriter out) {
        this.out = out;
    }

    void run(Path scratch, int pages, int revisionsPerPage) throws IOException {
        Path dump = scratch.resolve("dump.xml");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dump), 1 << 16)) {
            SyntheticDump.write(file, pages, revisionsPerPage, 42);
        }
        long revisions = (long) pages * revisionsPerPage;
        out.printf("Generated dump: %,d pages, %,d revisions, %,.1f MB of XML%n%n", pages, revisions, Files.size(dump) / 1e6);
        out.printf("%-34s %10s %12s%n", "pass", "seconds", "revisions/s");
        readOnly(dump, true);
        Figure read = measure(() -> readOnly(dump, false));
        row("read the dump (baseline)", read.seconds(), read.count());
        Figure convert = measure(() -> readOnly(dump, true));
        row("read and convert (baseline)", convert.seconds(), convert.count());
        // A first import of a small dump into another wiki warms the JIT compiler, as the first minute of a long import would.
        Path warmUp = scratch.resolve("warm-up.xml");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(warmUp), 1 << 16)) {
            SyntheticDump.write(file, Math.max(1, pages / 5), revisionsPerPage, 7);
        }
        try (Wiki wiki = Wiki.open(Config.defaults().withDataDir(scratch.resolve("warm-up")), Clock.systemUTC())) {
            ImportSummary cold = importDump(wiki, warmUp);
            row("import a fifth as large, cold JIT", cold.elapsed().toNanos() / 1e9, cold.revisionsAdded());
        }
        try (Wiki wiki = Wiki.open(Config.defaults().withDataDir(scratch.resolve("data")), Clock.systemUTC())) {
            ImportSummary first = importDump(wiki, dump);
            row("import mediawiki", first.elapsed().toNanos() / 1e9, first.revisionsAdded());
            ImportSummary again = importDump(wiki, dump);
            row("import the same dump again", again.elapsed().toNanos() / 1e9, again.revisionsSkipped());
            out.printf("%nImport: %,d pages created, %,d revisions added, %,d report entries; %.0f%% of the read-and-convert rate.%n",
                    first.pagesCreated(), first.revisionsAdded(), first.reportEntries(),
                    100.0 * first.rate() / (convert.count() / convert.seconds()));
        }
    }

    private ImportSummary importDump(Wiki wiki, Path dump) throws IOException {
        return wiki.mediaWikiImport().run(FirstRun.systemActor(wiki), dump,
                new MediaWikiImport.Options(Optional.empty(), Optional.empty(), false), progress -> { });
    }

    /** Revisions read (and converted, on all cores, as the import does). */
    private static long readOnly(Path dump, boolean convert) throws IOException {
        long count = 0;
        try (DumpReader reader = DumpReader.open(dump)) {
            WikitextConverter converter = new WikitextConverter(new SourceSite(reader.siteInfo().siteName(),
                    reader.siteInfo().namespaceNames()));
            java.util.List<DumpRevision> batch = new java.util.ArrayList<>();
            for (Optional<DumpEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get() instanceof DumpRevision revision) {
                    count++;
                    batch.add(revision);
                    if (batch.size() == 1000) {
                        convertAll(converter, batch, convert);
                    }
                }
            }
            convertAll(converter, batch, convert);
        }
        return count;
    }

    private static void convertAll(WikitextConverter converter, java.util.List<DumpRevision> batch, boolean convert) {
        if (convert) {
            batch.parallelStream().forEach(revision -> converter.convert(revision.text().orElse(""), "Page"));
        }
        batch.clear();
    }

    private record Figure(double seconds, long count) {
    }

    private interface Pass {
        long run() throws IOException;
    }

    private static Figure measure(Pass pass) throws IOException {
        long start = System.nanoTime();
        long count = pass.run();
        return new Figure((System.nanoTime() - start) / 1e9, count);
    }

    private void row(String pass, double seconds, long revisions) {
        out.printf("%-34s %10.2f %,12.0f%n", pass, seconds, revisions / Math.max(seconds, 1e-9));
        out.flush();
    }
}
