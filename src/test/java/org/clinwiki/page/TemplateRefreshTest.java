package org.clinwiki.page;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.Config;
import org.clinwiki.Wiki;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template's change reaches the links and categories of the pages using it, in order, even across a restart. */
class TemplateRefreshTest {

    @TempDir
    Path dataDir;

    @Test
    void aChangeQueuedWhileNoServerRanIsWorkedOffWhenOneStarts() throws Exception {
        try (Wiki wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
            Actor alice = new Actor(wiki.users().create("alice", "alice", "", Role.EDITOR, TestWiki.PASSWORD), "test");
            save(wiki, alice, "Template:Box", "Boxed <includeonly>[[Category:First]]</includeonly>");
            save(wiki, alice, "Uses_box", "{{Box}} text");
            assertThat(wiki.categories().listing("First", "", 10).pages()).extracting(Title::text).containsExactly("Uses box");
            // Two changes in a row, with no server (and so no background refresh) running: the last one must win.
            save(wiki, alice, "Template:Box", "Boxed <includeonly>[[Category:Second]]</includeonly>");
            save(wiki, alice, "Template:Box", "Boxed <includeonly>[[Category:Third]]</includeonly>");
            assertThat(wiki.categories().listing("First", "", 10).pages()).hasSize(1);
        }
        try (TestWiki server = TestWiki.start(dataDir)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (server.app().templateRefresh().pending() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(server.app().templateRefresh().pending()).isZero();
            Wiki wiki = server.wiki();
            assertThat(wiki.categories().listing("First", "", 10).pages()).isEmpty();
            assertThat(wiki.categories().listing("Second", "", 10).pages()).isEmpty();
            assertThat(wiki.categories().listing("Third", "", 10).pages()).extracting(Title::text).containsExactly("Uses box");
        }
    }

    private static void save(Wiki wiki, Actor actor, String title, String text) {
        Title parsed = Title.parse(title);
        Optional<Page> page = wiki.reader().find(parsed, Optional.of(actor.user()));
        OptionalLong base = page.map(p -> OptionalLong.of(p.latestRevisionId())).orElse(OptionalLong.empty());
        wiki.pages().save(actor, new Edit(parsed, text, "test", base, false));
    }
}
