package org.clinwiki.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.file.FileService;
import org.clinwiki.page.SaveResult;
import org.clinwiki.title.Title;
import org.clinwiki.error.WikiException;
import org.clinwiki.page.PageImport;
import org.clinwiki.page.Replacement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Import pages.", subcommands = {ImportCommand.Markdown.class, MediaWikiImportCommand.class})
final class ImportCommand {

    @Command(name = "markdown", description = "Import a folder of .md files; each file name is a page title.")
    static final class Markdown implements Callable<Integer> {

        private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of Markdown files (searched recursively).")
        Path folder;

        @Option(names = "--summary", defaultValue = "Imported from Markdown", description = "Edit summary for imported revisions.")
        String summary;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(folder)) {
                throw new CommandFailedException(folder + " is not a folder.");
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile).filter(MarkdownFolder::isMarkdown).sorted().toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AtomicInteger unreadable = new AtomicInteger();
            long start = System.nanoTime();
            PageImport.Summary summary;
            List<Path> uploads;
            try (Stream<Path> walk = Files.walk(folder)) {
                uploads = walk.filter(Files::isRegularFile).filter(file -> MarkdownFolder.isFileBytes(folder, file)).sorted().toList();
            }
            int uploaded = 0;
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                summary = new PageImport(wiki.pages()).run(FirstRun.systemActor(wiki),
                        readable(files, err, unreadable), new Progress(err, files.size(), start));
                // Files after pages: a file's page is then its description, and the upload is recorded on it.
                for (Path upload : uploads) {
                    uploaded += importFile(wiki, upload, err, unreadable) ? 1 : 0;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int failed = summary.failed() + unreadable.get();
            out.printf("Imported %d files in %.1f s: %d created, %d updated, %d unchanged, %d uploaded, %d failed.%n",
                    files.size() + uploads.size(), seconds, summary.created(), summary.updated(), summary.unchanged(), uploaded, failed);
            return failed == 0 ? 0 : 1;
        }

        /** Uploads a wiki file's bytes through the same checks as any upload; a refused one is reported and skipped. */
        private boolean importFile(Wiki wiki, Path file, PrintWriter err, AtomicInteger unreadable) {
            String source = folder.relativize(file).toString();
            try {
                Title title = MarkdownFolder.fileTitleFor(folder, file);
                FileService.Uploaded uploaded = wiki.files().importFile(FirstRun.systemActor(wiki),
                        new FileService.Upload(title.name(), Files.readAllBytes(file), summary + " (" + source + ")", true));
                return uploaded.outcome() != SaveResult.Outcome.UNCHANGED;
            } catch (WikiException | IOException e) {
                unreadable.incrementAndGet();
                report(err, source, e.getMessage());
                return false;
            }
        }

        /** The files as pages to import, read as the import asks for them; those that cannot be read are reported and skipped. */
        private Iterator<PageImport.Item> readable(List<Path> files, PrintWriter err, AtomicInteger unreadable) {
            return files.stream().map(file -> read(file, err, unreadable)).flatMap(Optional::stream).iterator();
        }

        private Optional<PageImport.Item> read(Path file, PrintWriter err, AtomicInteger unreadable) {
            String source = folder.relativize(file).toString();
            try {
                return Optional.of(new PageImport.Item(source, new Replacement(MarkdownFolder.titleFor(folder, file),
                        readUtf8(file), summary + " (" + source + ")")));
            } catch (WikiException | IOException e) {
                unreadable.incrementAndGet();
                report(err, source, e.getMessage());
                return Optional.empty();
            }
        }

        // Files are read on the import's reader thread while pages are written on this one.
        private static void report(PrintWriter err, String source, String reason) {
            synchronized (err) {
                err.println("failed: " + source + ": " + reason);
            }
        }

        /** Reports refused pages, and how far the import has got every two seconds. */
        private static final class Progress implements PageImport.Listener {
            private final PrintWriter err;
            private final int files;
            private final long start;
            private long lastShown;

            Progress(PrintWriter err, int files, long start) {
                this.err = err;
                this.files = files;
                this.start = start;
                this.lastShown = start;
            }

            @Override
            public void failed(String source, String reason) {
                report(err, source, reason);
            }

            @Override
            public void progress(int done) {
                long now = System.nanoTime();
                if (now - lastShown >= PROGRESS_EVERY_NANOS) {
                    lastShown = now;
                    synchronized (err) {
                        err.printf("imported %d of %d files (%.0f files/s)%n", done, files, done / ((now - start) / 1e9));
                        err.flush();
                    }
                }
            }
        }

        private static String readUtf8(Path file) throws IOException {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException e) {
                throw new IOException("not valid UTF-8 text");
            }
        }
    }
}
