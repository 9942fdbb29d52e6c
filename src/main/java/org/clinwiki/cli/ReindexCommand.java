package org.clinwiki.cli;

import java.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.clinwiki.Wiki;
import org.clinwiki.search.SearchIndex;
import org.clinwiki.search.SearchIndexLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reindex", description = "Rebuild the search index from the database, from scratch. Stop the server first.")
final class ReindexCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long indexed;
        try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC());
             SearchIndex index = SearchIndex.create(data.config().dataDir(), wiki.pageFeed(), wiki.renderer(), wiki.vocabulary())) {
            long[] lastReport = {start};
            indexed = index.catchUpNow((done, total) -> {
                long now = System.nanoTime();
                if (now - lastReport[0] >= PROGRESS_EVERY_NANOS || done >= total) {
                    lastReport[0] = now;
                    err.printf("indexed %d of %d pages (%.0f pages/s)%n", done, total, done / ((now - start) / 1e9));
                    err.flush();
                }
            });
        } catch (SearchIndexLockedException e) {
            throw new CommandFailedException(e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("Indexed %d pages in %.1f s (%.0f pages/s).%n", indexed, seconds, indexed / Math.max(seconds, 1e-9));
        return 0;
    }
}
