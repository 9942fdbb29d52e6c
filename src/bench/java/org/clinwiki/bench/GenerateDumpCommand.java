package org.clinwiki.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.testing.SyntheticDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate-dump",
        description = "Write a generated full-history MediaWiki dump that `import mediawiki` reads (.gz when the name ends so).")
final class GenerateDumpCommand implements Callable<Integer> {

    @Option(names = "--pages", required = true, description = "How many pages.")
    int pages;

    @Option(names = "--revisions", defaultValue = "10", description = "Revisions per page (default: ${DEFAULT-VALUE}).")
    int revisions;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The dump to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (pages < 1 || revisions < 1) {
            throw new InvalidInputException("--pages and --revisions must be at least 1.");
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             OutputStream dump = out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file) {
            SyntheticDump.write(dump, pages, revisions, seed);
        }
        spec.commandLine().getOut().printf("Wrote %d pages, %d revisions (%.1f MB) to %s.%n", pages, (long) pages * revisions,
                Files.size(out) / 1e6, out);
        return 0;
    }
}
