package org.clinwiki.page;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import on a real SQLite file: batches, pages refused alone, counts, and text replacing what pages held. */
class PageImportTest {

    @TempDir
    Path dataDir;

    private static PageImport.Item item(String title, String text) {
        return new PageImport.Item(title + ".md", new Replacement(Title.parse(title), text, "imported"));
    }

    @Test
    void aPageThatBreaksARuleIsRefusedAloneAndTheRestOfItsBatchIsWritten() {
        List<PageImport.Item> items = new ArrayList<>();
        IntStream.range(0, PageImport.BATCH + 10).forEach(i -> items.add(item("Note " + i, "Note " + i + " [[Note " + (i + 1) + "]]")));
        items.set(PageImport.BATCH + 3, item("Too long", "x".repeat((int) Config.defaults().maxPageBytes() + 1)));
        List<String> refused = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();

        try (Wiki wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
            Actor system = FirstRun.systemActor(wiki);
            PageImport.Summary summary = new PageImport(wiki.pages()).run(system, items.iterator(), new PageImport.Listener() {
                @Override
                public void failed(String source, String reason) {
                    refused.add(source + ": " + reason);
                }

                @Override
                public void progress(int done) {
                    progress.add(done);
                }
            });

            assertThat(summary).isEqualTo(new PageImport.Summary(PageImport.BATCH + 9, 0, 0, 1));
            assertThat(refused).singleElement().asString().startsWith("Too long.md: ");
            assertThat(progress).containsExactly(PageImport.BATCH, PageImport.BATCH + 10);
            assertThat(wiki.reader().find(Title.parse("Too long"), Optional.empty())).isEmpty();
            assertThat(wiki.reader().article(Title.parse("Note " + (PageImport.BATCH + 9)), Optional.empty()).markdown())
                    .isEqualTo("Note " + (PageImport.BATCH + 9) + " [[Note " + (PageImport.BATCH + 10) + "]]");
        }
    }

    @Test
    void importingAgainCountsChangedAndUnchangedPages() {
        try (Wiki wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
            Actor system = FirstRun.systemActor(wiki);
            PageImport pageImport = new PageImport(wiki.pages());
            PageImport.Listener quiet = (source, reason) -> { };
            pageImport.run(system, List.of(item("Alpha", "one"), item("Beta", "two")).iterator(), quiet);

            PageImport.Summary again = pageImport.run(system,
                    List.of(item("Alpha", "one"), item("Beta", "two, revised"), item("Gamma", "three")).iterator(), quiet);

            assertThat(again).isEqualTo(new PageImport.Summary(1, 1, 1, 0));
            assertThat(wiki.reader().article(Title.parse("Beta"), Optional.empty()).markdown()).isEqualTo("two, revised");
        }
    }
}
