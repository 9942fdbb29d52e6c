package org.clinwiki.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.mediawiki.ImportProgress;
import org.clinwiki.mediawiki.ImportReport;
import org.clinwiki.mediawiki.ImportSummary;
import org.clinwiki.mediawiki.MediaWikiImport;
import org.clinwiki.mediawiki.ReportEntry;
import org.clinwiki.wikitext.MalformedDumpException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mediawiki", description = {
        "Import a MediaWiki XML dump (Special:Export or dumpBackup.php --full; plain, .gz or .bz2) with every revision,",
        "author and, with --files, the uploaded files. Importing a newer dump of the same wiki adds only its new revisions."})
final class MediaWikiImportCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private static final int BAR = 30;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "DUMP", description = "The XML dump.")
    Path dump;

    @Option(names = "--files", paramLabel = "DIR", description = "MediaWiki's images/ folder (hashed layout, with archive/).")
    Path files;

    @Option(names = "--source", paramLabel = "NAME",
            description = "The name to know the source wiki by (default: its database name from the dump).")
    String source;

    @Option(names = "--keep-ip-addresses", description = "Show IP editors by their address instead of as one anonymous author.")
    boolean keepAddresses;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write this run's summary and import report as JSON.")
    Path reportFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(dump)) {
            throw new CommandFailedException(dump + " is not a file.");
        }
        if (files != null && !Files.isDirectory(files)) {
            throw new CommandFailedException(files + " is not a folder.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
            ImportReport report = wiki.importReport();
            long reportedBefore = report.lastId();
            MediaWikiImport.Options options = new MediaWikiImport.Options(Optional.ofNullable(files), Optional.ofNullable(source),
                    keepAddresses);
            ImportSummary summary;
            try {
                summary = wiki.mediaWikiImport().run(FirstRun.systemActor(wiki), dump, options, new Progress(err));
            } catch (MalformedDumpException | UncheckedIOException e) {
                err.println();
                String problem = e instanceof UncheckedIOException io ? "Could not read " + dump + ": " + io.getCause().getMessage() + "."
                        : e.getMessage();
                throw new CommandFailedException(problem
                        + " Everything read before it was imported and is kept; importing the dump again once it is mended adds the rest.");
            }
            err.println();
            out.printf("Imported %s: %d pages (%d created, %d updated, %d unchanged, %d edited here and kept, %d skipped), "
                            + "%d revisions added (%d known already) in %.1f s, %.0f revisions/s; %d file versions uploaded, "
                            + "%d refused or missing; %d report entries (see /special/import-report).%n",
                    summary.source(), summary.pages(), summary.pagesCreated(), summary.pagesUpdated(), summary.pagesUnchanged(),
                    summary.pagesConflicting(), summary.pagesSkipped(), summary.revisionsAdded(), summary.revisionsSkipped(),
                    summary.elapsed().toNanos() / 1e9, summary.rate(), summary.filesUploaded(), summary.filesFailed(),
                    summary.reportEntries());
            if (reportFile != null) {
                writeJson(summary, report, reportedBefore);
                out.println("Report written to " + reportFile);
            }
            return summary.pagesSkipped() + summary.filesFailed() == 0 ? 0 : 1;
        }
    }

    private void writeJson(ImportSummary summary, ImportReport report, long after) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(reportFile.toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("summary");
            json.writeStringField("source", summary.source());
            json.writeNumberField("pagesCreated", summary.pagesCreated());
            json.writeNumberField("pagesUpdated", summary.pagesUpdated());
            json.writeNumberField("pagesUnchanged", summary.pagesUnchanged());
            json.writeNumberField("pagesConflicting", summary.pagesConflicting());
            json.writeNumberField("pagesSkipped", summary.pagesSkipped());
            json.writeNumberField("revisionsAdded", summary.revisionsAdded());
            json.writeNumberField("revisionsSkipped", summary.revisionsSkipped());
            json.writeNumberField("filesUploaded", summary.filesUploaded());
            json.writeNumberField("filesFailed", summary.filesFailed());
            json.writeNumberField("seconds", summary.elapsed().toMillis() / 1000.0);
            json.writeNumberField("revisionsPerSecond", Math.round(summary.rate()));
            json.writeEndObject();
            json.writeArrayFieldStart("entries");
            long last = after;
            while (true) {
                List<ReportEntry> entries = report.after(last, 1000);
                if (entries.isEmpty()) {
                    break;
                }
                for (ReportEntry entry : entries) {
                    json.writeStartObject();
                    json.writeStringField("page", entry.page());
                    if (entry.sourceRevisionId().isPresent()) {
                        json.writeNumberField("revision", entry.sourceRevisionId().getAsLong());
                    }
                    json.writeStringField("construct", entry.construct());
                    json.writeStringField("action", entry.action());
                    json.writeEndObject();
                }
                last = entries.getLast().id();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** A progress bar on the terminal's error stream, redrawn in place at most once a second. */
    private static final class Progress implements MediaWikiImport.Listener {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private long lastShown;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(ImportProgress progress) {
            long now = System.nanoTime();
            if (now - lastShown < PROGRESS_EVERY_NANOS && progress.done() < 1) {
                return;
            }
            lastShown = now;
            int filled = (int) Math.round(progress.done() * BAR);
            long eta = progress.remaining().toSeconds();
            err.printf("%s[%s%s] %3.0f%% %,d pages, %,d revisions, %,.0f revisions/s, ETA %d:%02d:%02d%s",
                    terminal ? "\r" : "", "=".repeat(filled), " ".repeat(BAR - filled), progress.done() * 100, progress.pages(),
                    progress.revisions(), progress.rate(), eta / 3600, eta / 60 % 60, eta % 60, terminal ? "" : "\n");
            err.flush();
        }
    }
}
