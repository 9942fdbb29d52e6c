package org.clinwiki.bench;

import org.clinwiki.testing.TestDatabases;
import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.page.Replacement;
import org.clinwiki.page.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusHistoryTest {

    private static final int PAGES = 40;

    @Test
    void onePageInFiveGetsEarlierVersionsByDifferentEditorsBeneathItsImportedText(@TempDir Path dataDir) {
        Corpus corpus = new Corpus(42);
        try (Wiki wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
            CorpusHistory.write(wiki, corpus, PAGES, "a long passphrase for measuring");
            List<Replacement> finals = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                finals.add(new Replacement(corpus.title(i), corpus.markdown(i, PAGES), "import"));
            }
            wiki.pages().replaceAll(FirstRun.systemActor(wiki), finals);

            // Page 5 has two earlier versions; page 1 none.
            List<Revision> history = wiki.reader().history(corpus.title(5), Long.MAX_VALUE, 10, Optional.empty());
            assertThat(history).hasSize(corpus.earlierVersions(5, PAGES).size() + 1).hasSize(3);
            assertThat(history.stream().map(revision -> revision.author().name()).distinct()).hasSize(3);
            assertThat(history.getLast().summary()).isEqualTo("Draft 1");
            assertThat(wiki.reader().article(corpus.title(5), Optional.empty()).markdown()).isEqualTo(corpus.markdown(5, PAGES).strip());
            assertThat(wiki.reader().history(corpus.title(1), Long.MAX_VALUE, 10, Optional.empty())).hasSize(1);
        }
    }
}
