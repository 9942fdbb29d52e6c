package org.clinwiki.mediawiki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinwiki.db.Database;
import org.clinwiki.file.FileService;
import org.clinwiki.page.HistoryImport;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.ImportedAccounts;
import org.clinwiki.wikitext.ConversionIssue;
import org.clinwiki.wikitext.DumpReader;
import org.clinwiki.wikitext.DumpRevision;
import org.clinwiki.wikitext.SiteInfo;
import org.clinwiki.wikitext.SourceSite;
import org.clinwiki.wikitext.WikitextConverter;

/**
 * Imports a MediaWiki XML dump: every page with its whole history, oldest first, converted to
 * Markdown, each revision keeping its wikitext; then the files. While one batch is written, the
 * next is read and converted on another thread (on all cores), so reading, converting and
 * writing overlap. Memory stays bounded by two batches whatever the size of the dump. Revisions
 * imported before (matched by the source wiki and revision id) are neither converted nor
 * written again. Not thread-safe: one import at a time.
 */
public final class MediaWikiImport {

    /** Revisions per batch (one transaction), and characters of wikitext at most. */
    static final int BATCH_REVISIONS = 1000;
    static final long BATCH_CHARS = 16L * 1024 * 1024;

    private final Database database;
    private final HistoryImport history;
    private final ImportAuthors.Factory authors;
    private final FileImport files;
    private final Clock clock;
    private final long maxPageBytes;

    public MediaWikiImport(Database database, HistoryImport history, ImportedAccounts accounts, FileService files, Clock clock,
                           long maxPageBytes) {
        this.database = database;
        this.history = history;
        this.authors = new ImportAuthors.Factory(accounts);
        this.files = new FileImport(files);
        this.clock = clock;
        this.maxPageBytes = maxPageBytes;
    }

    /**
     * How to import: the folder of the wiki's files ({@code images/}), the name to know the
     * source wiki by when its dump's own (database name) will not do, and whether IP editors
     * are shown by their address (by default they are one anonymous author).
     */
    public record Options(Optional<Path> files, Optional<String> sourceName, boolean keepAddresses) {
    }

    /** Hears how far the import has got, on the importing thread. */
    public interface Listener {
        void progress(ImportProgress progress);
    }

    public ImportSummary run(Actor importer, Path dump, Options options, Listener listener) throws IOException {
        long start = System.nanoTime();
        long totalBytes = Files.size(dump);
        try (DumpReader reader = DumpReader.open(dump)) {
            SiteInfo site = reader.siteInfo();
            ImportSource source = new ImportSources(database, clock).register(site, options.sourceName());
            WikitextConverter converter = new WikitextConverter(new SourceSite(site.siteName(), site.namespaceNames()));
            Pass pass = new Pass(importer, source, new RevisionConversion(converter, site.siteName()),
                    authors.forSource(source, options.keepAddresses()), new ImportReport.Writer(database, source.id(), clock));
            DumpBatches batches = new DumpBatches(reader, BATCH_REVISIONS, BATCH_CHARS);
            ExecutorService readerThread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("mediawiki-reader").factory());
            try {
                Future<ConvertedBatch> next = readerThread.submit(() -> pass.convert(batches.next()));
                while (true) {
                    ConvertedBatch batch = await(next);
                    if (batch.chunks().isEmpty()) {
                        break;
                    }
                    next = readerThread.submit(() -> pass.convert(batches.next()));
                    pass.write(batch);
                    listener.progress(new ImportProgress(pass.tally.pages(), pass.tally.revisionsRead, batch.bytesRead(), totalBytes,
                            Duration.ofNanos(System.nanoTime() - start)));
                }
            } finally {
                readerThread.shutdownNow();
                // Also when the dump broke off: what was imported gets its templates' links and categories.
                pass.run.complete();
            }
            FileImport.Result uploaded = options.files().isPresent() || !batches.uploads().isEmpty()
                    ? files.run(importer, pass.authors, pass.report, batches.uploads(), batches.filePages(), options.files())
                    : FileImport.Result.NONE;
            pass.authors.hiddenAddresses().ifPresent(what -> pass.report.page("(all pages)", "IP editors", what));
            pass.report.flush();
            Tally t = pass.tally;
            return new ImportSummary(source.name(), t.created, t.updated, t.unchanged, t.conflicts, t.skipped, t.revisionsAdded,
                    t.revisionsSkipped, uploaded.uploaded(), uploaded.failed(), pass.report.written(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** A batch read and converted: each chunk with its title here and its revisions not imported before. */
    record ConvertedBatch(List<ConvertedChunk> chunks, long bytesRead) {
    }

    record ConvertedChunk(DumpBatches.PageChunk chunk, Optional<Title> title, List<ConvertedRevision> fresh, int known,
                          Optional<HistoryImport.Parsed> newest) {
    }

    /** Counts of what the import did. */
    private static final class Tally {
        long created;
        long updated;
        long unchanged;
        long conflicts;
        long skipped;
        long revisionsRead;
        long revisionsAdded;
        long revisionsSkipped;

        long pages() {
            return created + updated + unchanged + conflicts + skipped;
        }
    }

    /** One run over a dump: converting on the reader thread, writing on the importing one. */
    private final class Pass {
        private final Actor importer;
        private final ImportSource source;
        private final RevisionConversion conversion;
        private final ImportAuthors authors;
        private final ImportReport.Writer report;
        private final HistoryImport.Run run;
        private final Tally tally = new Tally();
        private HistoryImport.Outcome pageOutcome = HistoryImport.Outcome.UNCHANGED;

        Pass(Actor importer, ImportSource source, RevisionConversion conversion, ImportAuthors authors, ImportReport.Writer report) {
            this.importer = importer;
            this.source = source;
            this.conversion = conversion;
            this.authors = authors;
            this.report = report;
            this.run = history.start(importer, source.id(), source.siteName());
        }

        ConvertedBatch convert(DumpBatches.Batch batch) {
            List<Long> ids = batch.chunks().stream().flatMap(chunk -> chunk.revisions().stream()).map(DumpRevision::id).toList();
            Set<Long> known = history.known(source.id(), ids);
            List<ConvertedChunk> converted = batch.chunks().parallelStream().map(chunk -> {
                Optional<Title> title = SourceTitles.of(chunk.page());
                List<DumpRevision> fresh = chunk.revisions().stream().filter(revision -> !known.contains(revision.id())).toList();
                String pageTitle = title.map(Title::text).orElse(chunk.page().title());
                List<ConvertedRevision> revisions = fresh.size() > 1
                        ? fresh.parallelStream().map(revision -> conversion.convert(revision, pageTitle)).toList()
                        : fresh.stream().map(revision -> conversion.convert(revision, pageTitle)).toList();
                // The newest text's links are parsed here, beside the conversion, not on the writing thread.
                Optional<HistoryImport.Parsed> newest = revisions.isEmpty() || title.isEmpty() ? Optional.empty()
                        : Optional.of(history.parse(revisions.getLast().markdown()));
                return new ConvertedChunk(chunk, title, revisions, chunk.revisions().size() - fresh.size(), newest);
            }).toList();
            return new ConvertedBatch(converted, batch.bytesRead());
        }

        void write(ConvertedBatch batch) {
            List<HistoryImport.Chunk> chunks = new ArrayList<>();
            List<ConvertedChunk> written = new ArrayList<>();
            for (ConvertedChunk converted : batch.chunks()) {
                tally.revisionsRead += converted.chunk().revisions().size();
                if (converted.title().isEmpty()) {
                    if (converted.chunk().last()) {
                        tally.skipped++;
                        report.page(converted.chunk().page().title(), "title",
                                "not a valid title here; the page was not imported");
                    }
                    continue;
                }
                List<HistoryImport.Incoming> incoming = converted.fresh().stream().map(this::incoming).toList();
                chunks.add(new HistoryImport.Chunk(converted.title().get(), incoming, converted.chunk().last(), converted.newest()));
                written.add(converted);
            }
            List<HistoryImport.Written> results = run.write(chunks);
            for (int i = 0; i < results.size(); i++) {
                record(written.get(i), results.get(i));
            }
            report.flush();
        }

        private HistoryImport.Incoming incoming(ConvertedRevision converted) {
            DumpRevision revision = converted.revision();
            String summary = revision.commentDeleted() ? "(edit summary hidden)" : revision.comment().orElse("");
            return new HistoryImport.Incoming(revision.id(), 0, revision.sha1().orElse(""), revision.timestamp(),
                    authors.of(revision.contributor()), summary, revision.minor(), converted.markdown(), converted.wikitext(),
                    WikitextConverter.VERSION);
        }

        private void record(ConvertedChunk converted, HistoryImport.Written result) {
            String page = result.title().text();
            tally.revisionsAdded += result.added();
            tally.revisionsSkipped += result.skipped() + converted.known();
            for (ConvertedRevision revision : converted.fresh()) {
                report.revision(page, revision.revision().id(), revision.issues());
                if (tooLarge(revision.markdown(), maxPageBytes)) {
                    report.revision(page, revision.revision().id(), List.of(new ConversionIssue(
                            "page size", "larger than this wiki's page limit of " + maxPageBytes + " bytes; imported whole")));
                }
            }
            pageOutcome = stronger(pageOutcome, result.outcome());
            if (!converted.chunk().last()) {
                return;
            }
            if (SourceTitles.unknownNamespace(converted.chunk().page())) {
                report.page(page, "namespace " + converted.chunk().page().namespace(),
                        "not a namespace Clinwiki has; its prefix was kept as part of the title");
            }
            switch (pageOutcome) {
                case CREATED -> tally.created++;
                case ADDED -> tally.updated++;
                case UNCHANGED -> tally.unchanged++;
                case CONFLICT -> {
                    tally.conflicts++;
                    report.page(page, "edited here since the last import",
                            "the new revisions were added to the history; the text edited here was kept");
                }
                case DELETED -> {
                    tally.skipped++;
                    report.page(page, "deleted here", "no revisions were added; restore the page and import again to add them");
                }
            }
            pageOutcome = HistoryImport.Outcome.UNCHANGED;
        }
    }

    /** A page's outcome over all its chunks: the most telling one. */
    private static HistoryImport.Outcome stronger(HistoryImport.Outcome so, HistoryImport.Outcome chunk) {
        return weight(chunk) > weight(so) ? chunk : so;
    }

    private static int weight(HistoryImport.Outcome outcome) {
        return switch (outcome) {
            case UNCHANGED -> 0;
            case ADDED -> 1;
            case CREATED -> 2;
            case CONFLICT -> 3;
            case DELETED -> 4;
        };
    }

    private static boolean tooLarge(String markdown, long maxBytes) {
        // UTF-8 takes at most three bytes per char of Java text: most pages need no counting.
        return (long) markdown.length() * 3 > maxBytes && markdown.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    private static ConvertedBatch await(Future<ConvertedBatch> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Import interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }
}
