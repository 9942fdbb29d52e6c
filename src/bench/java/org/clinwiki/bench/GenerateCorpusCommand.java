package org.clinwiki.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinwiki.cli.MarkdownFolder;
import org.clinwiki.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate-corpus",
        description = "Write N generated clinical-informatics pages as .md files that `import markdown` reads (same seed, same pages).")
final class GenerateCorpusCommand implements Callable<Integer> {

    @Option(names = "--pages", required = true, description = "How many pages.")
    int pages;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (pages < 1) {
            throw new InvalidInputException("--pages must be at least 1.");
        }
        Files.createDirectories(out);
        Corpus corpus = new Corpus(seed);
        long bytes = 0;
        for (int i = 0; i < pages; i++) {
            Path file = MarkdownFolder.fileFor(out, corpus.title(i));
            Files.createDirectories(file.getParent());
            byte[] text = corpus.markdown(i, pages).getBytes(StandardCharsets.UTF_8);
            Files.write(file, text);
            bytes += text.length;
        }
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf("Wrote %d pages (%.1f MB) to %s.%n", pages, bytes / 1e6, out);
        return 0;
    }
}
