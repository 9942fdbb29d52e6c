package org.clinwiki.page;

import org.clinwiki.testing.TestDatabases;
import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinwiki.Wiki;
import org.clinwiki.Config;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.PermissionDeniedException;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page services on a real SQLite file, without HTTP. */
class PageServiceTest {

    @TempDir
    Path dataDir;

    private Wiki open() {
        return Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC());
    }

    private static Actor editor(Wiki wiki, String name) {
        if (wiki.users().find(name).isEmpty()) {
            wiki.users().create(name, name, "", Role.EDITOR, "a long test password 1");
        }
        return new Actor(wiki.users().require(name), "test");
    }

    private static SaveResult save(Wiki wiki, Actor actor, String title, String text) {
        Optional<Page> page = wiki.reader().find(Title.parse(title), Optional.empty());
        OptionalLong base = page.map(p -> OptionalLong.of(p.latestRevisionId())).orElse(OptionalLong.empty());
        return wiki.pages().save(actor, new Edit(Title.parse(title), text, "", base, false));
    }

    @Test
    void aSavedRevisionRendersOnceWhenFirstViewed() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            save(wiki, actor, "Cached", "**rendered once**");
            long missesAfterSave = wiki.renderStats().missCount();
            for (int i = 0; i < 3; i++) {
                assertThat(wiki.reader().article(Title.parse("Cached"), Optional.empty()).html().html()).contains("<strong>");
            }
            // Saving parses but does not render: the first view renders, the others come from the caches.
            assertThat(wiki.renderStats().missCount()).isEqualTo(missesAfterSave + 1);
        }
    }

    @Test
    void aWriteCarriesTheChangeNumberItTookAndAnUnchangedSaveNone() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            PageFeed feed = wiki.pageFeed();
            SaveResult created = save(wiki, actor, "Triage", "First words.");
            assertThat(created.changeSequence()).hasValue(feed.latest());
            SaveResult edited = save(wiki, actor, "Triage", "Second words.");
            assertThat(edited.changeSequence()).hasValue(feed.latest());
            assertThat(edited.changeSequence().getAsLong()).isGreaterThan(created.changeSequence().getAsLong());
            assertThat(save(wiki, actor, "Triage", "Second words.").changeSequence()).isEmpty();
            SaveResult reverted = wiki.pages().revert(actor, Title.parse("Triage"), created.revision().id(), "");
            assertThat(reverted.changeSequence()).hasValue(feed.latest());
            assertThat(feed.since(edited.changeSequence().getAsLong(), 10)).singleElement()
                    .satisfies(change -> assertThat(change.revisionId()).isEqualTo(reverted.revision().id()));
        }
    }

    @Test
    void aSaveReportsThePageAndRevisionExactlyAsStored() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            Title title = Title.parse("Sepsis bundle");
            SaveResult created = save(wiki, actor, "Sepsis bundle", "Lactate within an hour.");
            SaveResult edited = wiki.pages().save(actor, new Edit(title, "Lactate and cultures within an hour.", "cultures",
                    OptionalLong.of(created.revision().id()), true));
            for (SaveResult result : List.of(created, edited)) {
                assertThat(result.revision()).isEqualTo(wiki.reader().revision(title, result.revision().id(), Optional.empty()));
            }
            assertThat(edited.page()).isEqualTo(wiki.reader().find(title, Optional.empty()).orElseThrow());
            assertThat(created.page()).isEqualTo(edited.page().withLatest(created.revision()));
        }
    }

    @Test
    void redLinksFollowPageCreationWithoutRenderingAgain() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            save(wiki, actor, "Linker", "[[Later page]]");
            assertThat(wiki.reader().article(Title.parse("Linker"), Optional.empty()).html().html()).contains("wikilink new");
            long misses = wiki.renderStats().missCount();
            save(wiki, actor, "Later_page", "now exists");
            assertThat(wiki.reader().article(Title.parse("Linker"), Optional.empty()).html().html())
                    .contains("class=\"wikilink\"").doesNotContain("wikilink new");
            assertThat(wiki.renderStats().missCount()).isEqualTo(misses);
        }
    }

    @Test
    void oldRevisionIsRenderedOnceThenServedFromCache() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            long old = save(wiki, actor, "Old", "first").revision().id();
            save(wiki, actor, "Old", "second");
            try (Wiki reopened = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC())) {
                reopened.reader().article(Title.parse("Old"), old, Optional.empty());
                reopened.reader().article(Title.parse("Old"), old, Optional.empty());
                assertThat(reopened.renderStats().missCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void aRevertSharesItsTargetsRendering() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            long first = save(wiki, actor, "Reverted", "**first**").revision().id();
            save(wiki, actor, "Reverted", "second");
            wiki.pages().revert(actor, Title.parse("Reverted"), first, "");
            long misses = wiki.renderStats().missCount();
            assertThat(wiki.reader().article(Title.parse("Reverted"), Optional.empty()).html().html()).contains("<strong>first</strong>");
            assertThat(wiki.renderStats().missCount()).isEqualTo(misses);
        }
    }

    @Test
    void historySurvivesARestart() {
        List<Long> ids = new ArrayList<>();
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            for (int i = 0; i < 5; i++) {
                ids.add(save(wiki, actor, "Durable", "version " + i + "\n[[Category:Kept]]").revision().id());
            }
        }
        try (Wiki wiki = open()) {
            List<Revision> history = wiki.reader().history(Title.parse("Durable"), Long.MAX_VALUE, 10, Optional.empty());
            assertThat(history).extracting(Revision::id).containsExactlyElementsOf(ids.reversed());
            assertThat(history).allMatch(revision -> revision.author().name().equals("alice"));
            assertThat(wiki.reader().article(Title.parse("Durable"), Optional.empty()).markdown()).startsWith("version 4");
            assertThat(wiki.categories().listing("Kept", "", 10).pages()).containsExactly(Title.parse("Durable"));
            assertThat(wiki.users().find("alice")).isPresent();
        }
    }

    @Test
    void concurrentEditorsOfOnePageLoseNothing() throws Exception {
        int writers = 6;
        int editsEach = 15;
        try (Wiki wiki = open()) {
            StringBuilder initial = new StringBuilder();
            for (int w = 0; w < writers; w++) {
                initial.append("line of writer ").append(w).append(": 0\n\nspacer\n\n");
            }
            save(wiki, editor(wiki, "seed"), "Busy_page", initial.toString());
            List<Actor> actors = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                actors.add(editor(wiki, "writer" + w));
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Integer>> saved = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                saved.add(pool.submit(() -> {
                    int acknowledged = 0;
                    for (int edit = 1; edit <= editsEach; edit++) {
                        // Start from whatever is latest, change only this writer's line, save against that base.
                        Article article = wiki.reader().article(Title.parse("Busy_page"), Optional.empty());
                        String text = article.markdown().replaceAll("line of writer " + writer + ": \\d+",
                                "line of writer " + writer + ": " + edit);
                        SaveResult result = wiki.pages().save(actors.get(writer), new Edit(Title.parse("Busy_page"), text, "",
                                OptionalLong.of(article.revision().id()), false));
                        if (result.changed()) {
                            acknowledged++;
                        }
                    }
                    return acknowledged;
                }));
            }
            int acknowledged = 0;
            for (Future<Integer> future : saved) {
                acknowledged += future.get();
            }
            pool.shutdown();
            String finalText = wiki.reader().article(Title.parse("Busy_page"), Optional.empty()).markdown();
            for (int w = 0; w < writers; w++) {
                assertThat(finalText).contains("line of writer " + w + ": " + editsEach);
            }
            assertThat(acknowledged).isEqualTo(writers * editsEach);
            assertThat(wiki.reader().history(Title.parse("Busy_page"), Long.MAX_VALUE, 500, Optional.empty()))
                    .hasSize(acknowledged + 1);
        }
    }

    @Test
    void revisionsAreNeverRewritten() {
        try (Wiki wiki = open()) {
            Actor actor = editor(wiki, "alice");
            SaveResult first = save(wiki, actor, "Immutable", "original");
            save(wiki, actor, "Immutable", "changed");
            wiki.pages().revert(actor, Title.parse("Immutable"), first.revision().id(), "");
            assertThat(wiki.reader().markdown(first.revision().id())).isEqualTo("original");
            Revision again = wiki.reader().revision(Title.parse("Immutable"), first.revision().id(), Optional.empty());
            assertThat(again).isEqualTo(first.revision());
        }
    }

    @Test
    void readerCannotSaveEvenThroughTheService() {
        try (Wiki wiki = open()) {
            wiki.users().create("rita", "Rita", "", Role.READER, "a long test password 1");
            Actor reader = new Actor(wiki.users().require("rita"), "test");
            assertThatThrownBy(() -> save(wiki, reader, "Forbidden", "x"))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThat(wiki.reader().find(Title.parse("Forbidden"), Optional.empty())).isEmpty();
        }
    }
}
