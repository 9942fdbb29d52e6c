package org.clinwiki.cli;

import java.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinwiki.Wiki;
import org.clinwiki.FirstRun;
import org.clinwiki.error.WikiException;
import org.clinwiki.page.PageService;
import org.clinwiki.page.Replacement;
import org.clinwiki.page.SaveResult;
import org.clinwiki.user.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Import pages.", subcommands = ImportCommand.Markdown.class)
final class ImportCommand {

    @Command(name = "markdown", description = "Import a folder of .md files; each file name is a page title.")
    static final class Markdown implements Callable<Integer> {

        private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
        // Pages per transaction. Each commit rewrites every page of the link-target index that the
        // batch touched, and a batch's links land all over it: 1,000 pages per commit instead of
        // 200 took the import from about 1,700 to 2,300 pages/s at 20,000 pages, 2,500 instead of
        // 1,000 from about 2,700 to 3,000 (warm). Two batches are in memory at a time.
        static final int BATCH = 2500;

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
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int failed = 0;
            long start = System.nanoTime();
            long lastProgress = start;
            ExecutorService parser = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("import-parser").factory());
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                Actor actor = FirstRun.systemActor(wiki);
                // The writer stores one batch while the next is parsed: parsing and writing each
                // take about half the time, and the writer uses one core.
                Future<Batch> next = parser.submit(() -> read(wiki, files, 0, err));
                for (int from = 0; from < files.size(); from += BATCH) {
                    Batch batch = await(next);
                    int following = from + BATCH;
                    next = following < files.size() ? parser.submit(() -> read(wiki, files, following, err)) : null;
                    failed += batch.unreadable();
                    List<SaveResult> results = null;
                    if (batch.parsed().isPresent()) {
                        try {
                            // One transaction (one disk sync) for the batch.
                            results = wiki.pages().replaceAll(actor, batch.parsed().get());
                        } catch (WikiException e) {
                            // Falls through to saving one by one.
                        }
                    }
                    if (results == null) {
                        // Something in the batch breaks a rule: save one by one to learn which, and keep the rest.
                        results = new ArrayList<>();
                        for (int i = 0; i < batch.replacements().size(); i++) {
                            Replacement one = batch.replacements().get(i);
                            try {
                                results.add(wiki.pages().replace(actor, one.title(), one.markdown(), one.summary()));
                            } catch (WikiException single) {
                                failed++;
                                err.println("failed: " + folder.relativize(batch.files().get(i)) + ": " + single.getMessage());
                            }
                        }
                    }
                    for (SaveResult result : results) {
                        switch (result.outcome()) {
                            case CREATED -> created++;
                            case UNCHANGED -> unchanged++;
                            default -> updated++;
                        }
                    }
                    long now = System.nanoTime();
                    if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                        lastProgress = now;
                        int done = Math.min(files.size(), from + BATCH);
                        err.printf("imported %d of %d files (%.0f files/s)%n", done, files.size(), done / ((now - start) / 1e9));
                        err.flush();
                    }
                }
            } finally {
                parser.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("Imported %d files in %.1f s: %d created, %d updated, %d unchanged, %d failed.%n",
                    files.size(), seconds, created, updated, unchanged, failed);
            return failed == 0 ? 0 : 1;
        }

        /** Files read and, when the whole batch keeps the rules, parsed; failures are reported here. */
        private record Batch(List<Replacement> replacements, List<Path> files, int unreadable,
                             Optional<PageService.ParsedBatch> parsed) {
        }

        private Batch read(Wiki wiki, List<Path> files, int from, PrintWriter err) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + BATCH));
            List<Replacement> replacements = new ArrayList<>(chunk.size());
            List<Path> read = new ArrayList<>(chunk.size());
            int unreadable = 0;
            for (Path file : chunk) {
                try {
                    replacements.add(new Replacement(MarkdownFolder.titleFor(folder, file), readUtf8(file),
                            summary + " (" + folder.relativize(file) + ")"));
                    read.add(file);
                } catch (WikiException | IOException e) {
                    unreadable++;
                    synchronized (err) {
                        err.println("failed: " + folder.relativize(file) + ": " + e.getMessage());
                    }
                }
            }
            Optional<PageService.ParsedBatch> parsed;
            try {
                parsed = Optional.of(wiki.pages().prepare(replacements));
            } catch (WikiException e) {
                parsed = Optional.empty();
            }
            return new Batch(replacements, read, unreadable, parsed);
        }

        private static Batch await(Future<Batch> batch) {
            try {
                return batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Import interrupted.", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
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
