package org.clinwiki.page;

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
import org.clinwiki.App;
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

    private App open() {
        return App.open(Config.defaults().withDataDir(dataDir));
    }

    private static Actor editor(App app, String name) {
        if (app.users().find(name).isEmpty()) {
            app.users().create(name, name, "", Role.EDITOR, "a long test password 1");
        }
        return new Actor(app.users().require(name), "test");
    }

    private static SaveResult save(App app, Actor actor, String title, String text) {
        Optional<Page> page = app.reader().find(Title.parse(title), Optional.empty());
        OptionalLong base = page.map(p -> OptionalLong.of(p.latestRevisionId())).orElse(OptionalLong.empty());
        return app.pages().save(actor, new Edit(Title.parse(title), text, "", base, false));
    }

    @Test
    void aSavedRevisionRendersOnceWhenFirstViewed() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            save(app, actor, "Cached", "**rendered once**");
            long missesAfterSave = app.renderStats().missCount();
            for (int i = 0; i < 3; i++) {
                assertThat(app.reader().article(Title.parse("Cached"), Optional.empty()).html().html()).contains("<strong>");
            }
            // Saving parses but does not render: the first view renders, the others are cache hits.
            assertThat(app.renderStats().missCount()).isEqualTo(missesAfterSave + 1);
            assertThat(app.renderStats().hitCount()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aWriteCarriesTheChangeNumberItTookAndAnUnchangedSaveNone() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            PageFeed feed = app.pageFeed();
            SaveResult created = save(app, actor, "Triage", "First words.");
            assertThat(created.changeSequence()).hasValue(feed.latest());
            SaveResult edited = save(app, actor, "Triage", "Second words.");
            assertThat(edited.changeSequence()).hasValue(feed.latest());
            assertThat(edited.changeSequence().getAsLong()).isGreaterThan(created.changeSequence().getAsLong());
            assertThat(save(app, actor, "Triage", "Second words.").changeSequence()).isEmpty();
            SaveResult reverted = app.pages().revert(actor, Title.parse("Triage"), created.revision().id(), "");
            assertThat(reverted.changeSequence()).hasValue(feed.latest());
            assertThat(feed.since(edited.changeSequence().getAsLong(), 10)).singleElement()
                    .satisfies(change -> assertThat(change.revisionId()).isEqualTo(reverted.revision().id()));
        }
    }

    @Test
    void aSaveReportsThePageAndRevisionExactlyAsStored() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            Title title = Title.parse("Sepsis bundle");
            SaveResult created = save(app, actor, "Sepsis bundle", "Lactate within an hour.");
            SaveResult edited = app.pages().save(actor, new Edit(title, "Lactate and cultures within an hour.", "cultures",
                    OptionalLong.of(created.revision().id()), true));
            for (SaveResult result : List.of(created, edited)) {
                assertThat(result.revision()).isEqualTo(app.reader().revision(title, result.revision().id(), Optional.empty()));
            }
            assertThat(edited.page()).isEqualTo(app.reader().find(title, Optional.empty()).orElseThrow());
            assertThat(created.page()).isEqualTo(edited.page().withLatest(created.revision()));
        }
    }

    @Test
    void redLinksFollowPageCreationWithoutRenderingAgain() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            save(app, actor, "Linker", "[[Later page]]");
            assertThat(app.reader().article(Title.parse("Linker"), Optional.empty()).html().html()).contains("wikilink new");
            long misses = app.renderStats().missCount();
            save(app, actor, "Later_page", "now exists");
            assertThat(app.reader().article(Title.parse("Linker"), Optional.empty()).html().html())
                    .contains("class=\"wikilink\"").doesNotContain("wikilink new");
            assertThat(app.renderStats().missCount()).isEqualTo(misses);
        }
    }

    @Test
    void oldRevisionIsRenderedOnceThenServedFromCache() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            long old = save(app, actor, "Old", "first").revision().id();
            save(app, actor, "Old", "second");
            try (App reopened = App.open(Config.defaults().withDataDir(dataDir))) {
                reopened.reader().article(Title.parse("Old"), old, Optional.empty());
                reopened.reader().article(Title.parse("Old"), old, Optional.empty());
                assertThat(reopened.renderStats().missCount()).isEqualTo(1);
                assertThat(reopened.renderStats().hitCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void aRevertSharesItsTargetsRendering() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            long first = save(app, actor, "Reverted", "**first**").revision().id();
            save(app, actor, "Reverted", "second");
            app.pages().revert(actor, Title.parse("Reverted"), first, "");
            long misses = app.renderStats().missCount();
            assertThat(app.reader().article(Title.parse("Reverted"), Optional.empty()).html().html()).contains("<strong>first</strong>");
            assertThat(app.renderStats().missCount()).isEqualTo(misses);
        }
    }

    @Test
    void historySurvivesARestart() {
        List<Long> ids = new ArrayList<>();
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            for (int i = 0; i < 5; i++) {
                ids.add(save(app, actor, "Durable", "version " + i + "\n[[Category:Kept]]").revision().id());
            }
        }
        try (App app = open()) {
            List<Revision> history = app.reader().history(Title.parse("Durable"), Long.MAX_VALUE, 10, Optional.empty());
            assertThat(history).extracting(Revision::id).containsExactlyElementsOf(ids.reversed());
            assertThat(history).allMatch(revision -> revision.author().name().equals("alice"));
            assertThat(app.reader().article(Title.parse("Durable"), Optional.empty()).markdown()).startsWith("version 4");
            assertThat(app.categories().listing("Kept", "", 10).pages()).containsExactly(Title.parse("Durable"));
            assertThat(app.users().find("alice")).isPresent();
        }
    }

    @Test
    void concurrentEditorsOfOnePageLoseNothing() throws Exception {
        int writers = 6;
        int editsEach = 15;
        try (App app = open()) {
            StringBuilder initial = new StringBuilder();
            for (int w = 0; w < writers; w++) {
                initial.append("line of writer ").append(w).append(": 0\n\nspacer\n\n");
            }
            save(app, editor(app, "seed"), "Busy_page", initial.toString());
            List<Actor> actors = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                actors.add(editor(app, "writer" + w));
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Integer>> saved = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                saved.add(pool.submit(() -> {
                    int acknowledged = 0;
                    for (int edit = 1; edit <= editsEach; edit++) {
                        // Start from whatever is latest, change only this writer's line, save against that base.
                        Article article = app.reader().article(Title.parse("Busy_page"), Optional.empty());
                        String text = article.markdown().replaceAll("line of writer " + writer + ": \\d+",
                                "line of writer " + writer + ": " + edit);
                        SaveResult result = app.pages().save(actors.get(writer), new Edit(Title.parse("Busy_page"), text, "",
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
            String finalText = app.reader().article(Title.parse("Busy_page"), Optional.empty()).markdown();
            for (int w = 0; w < writers; w++) {
                assertThat(finalText).contains("line of writer " + w + ": " + editsEach);
            }
            assertThat(acknowledged).isEqualTo(writers * editsEach);
            assertThat(app.reader().history(Title.parse("Busy_page"), Long.MAX_VALUE, 500, Optional.empty()))
                    .hasSize(acknowledged + 1);
        }
    }

    @Test
    void revisionsAreNeverRewritten() {
        try (App app = open()) {
            Actor actor = editor(app, "alice");
            SaveResult first = save(app, actor, "Immutable", "original");
            save(app, actor, "Immutable", "changed");
            app.pages().revert(actor, Title.parse("Immutable"), first.revision().id(), "");
            assertThat(app.reader().markdown(first.revision().id())).isEqualTo("original");
            Revision again = app.reader().revision(Title.parse("Immutable"), first.revision().id(), Optional.empty());
            assertThat(again).isEqualTo(first.revision());
        }
    }

    @Test
    void readerCannotSaveEvenThroughTheService() {
        try (App app = open()) {
            app.users().create("rita", "Rita", "", Role.READER, "a long test password 1");
            Actor reader = new Actor(app.users().require("rita"), "test");
            assertThatThrownBy(() -> save(app, reader, "Forbidden", "x"))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThat(app.reader().find(Title.parse("Forbidden"), Optional.empty())).isEmpty();
        }
    }
}
