package org.clinwiki.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinwiki.Wiki;
import org.clinwiki.mediawiki.Reconversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reconvert", description = {
        "Convert imported MediaWiki revisions to Markdown again from their kept wikitext, after the converter improved.",
        "History and authors stay; pages edited here keep those edits. Stop the server first."})
final class ReconvertCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--since", paramLabel = "REV",
            description = "Convert every imported revision from this revision id on (default: those an older converter made).")
    Long since;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (since != null && since < 1) {
            throw new CommandFailedException("--since takes a revision id, 1 or more.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Reconversion.Result result;
        try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
            result = wiki.reconversion().run(Optional.ofNullable(since), converted -> {
                err.printf("converted %,d revisions%n", converted);
                err.flush();
            });
        }
        out.printf("Converted %d imported revisions again in %.1f s; %d read differently now.%n", result.converted(),
                (System.nanoTime() - start) / 1e9, result.changed());
        return 0;
    }
}
