package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** History, single revisions, diffs, reverts, recent changes and contributions. */
class HistoryApiTest extends WikiTestCase {

    String alice;
    String bob;

    @BeforeAll
    void accounts() {
        alice = wiki.login("alice", Role.EDITOR);
        bob = wiki.login("bob", Role.EDITOR);
    }

    private long save(String title, String markdown, String token) {
        return wiki.save(title, markdown, token).path("revision").path("id").asLong();
    }

    @Test
    void historyIsNewestFirstAndPagesWithBefore() {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(save("Paged_history", "version " + i, alice));
        }
        JsonNode first = wiki.get("/api/v1/pages/Paged_history/revisions?limit=2").json();
        assertThat(first.path("revisions")).extracting(r -> r.path("id").asLong()).containsExactly(ids.get(4), ids.get(3));
        long next = first.path("next").asLong();
        JsonNode second = wiki.get("/api/v1/pages/Paged_history/revisions?limit=2&before=" + next).json();
        assertThat(second.path("revisions")).extracting(r -> r.path("id").asLong()).containsExactly(ids.get(2), ids.get(1));
        JsonNode last = wiki.get("/api/v1/pages/Paged_history/revisions?limit=2&before=" + second.path("next").asLong()).json();
        assertThat(last.path("revisions")).extracting(r -> r.path("id").asLong()).containsExactly(ids.get(0));
        assertThat(last.path("next").isNull()).isTrue();
    }

    @Test
    void oneRevisionComesWithItsMarkdownAndHtml() {
        long v1 = save("Single_revision", "**first**", alice);
        save("Single_revision", "second", alice);
        JsonNode revision = wiki.get("/api/v1/pages/Single_revision/revisions/" + v1).json();
        assertThat(revision.path("id").asLong()).isEqualTo(v1);
        assertThat(revision.path("markdown").asText()).isEqualTo("**first**");
        assertThat(revision.path("html").asText()).contains("<strong>first</strong>");
        assertThat(revision.path("sha1").asText()).hasSize(40);
    }

    @Test
    void revisionOfAnotherPageIsNotFound() {
        long other = save("Some_page", "x", alice);
        save("Different_page", "y", alice);
        assertThat(wiki.get("/api/v1/pages/Different_page/revisions/" + other).status()).isEqualTo(404);
    }

    @Test
    void diffBetweenAnyTwoRevisionsIsStructuredWithWordChanges() {
        long v1 = save("Diffed", "CPOE reduces medication errors.\nSecond line.", alice);
        save("Diffed", "CPOE reduces medication errors.\nSecond line.\nThird line.", alice);
        long v3 = save("Diffed", "CPOE reduces prescribing errors.\nSecond line.\nThird line.", bob);
        JsonNode diff = wiki.get("/api/v1/pages/Diffed/diff?from=" + v1 + "&to=" + v3).json();
        assertThat(diff.path("from").path("id").asLong()).isEqualTo(v1);
        assertThat(diff.path("to").path("id").asLong()).isEqualTo(v3);
        assertThat(diff.path("linesAdded").asInt()).isEqualTo(2);
        assertThat(diff.path("linesRemoved").asInt()).isEqualTo(1);
        JsonNode rows = diff.path("hunks").get(0).path("rows");
        JsonNode change = rows.get(0);
        assertThat(change.path("kind").asText()).isEqualTo("change");
        assertThat(change.path("old").path("segments").get(1).path("text").asText()).isEqualTo("medication");
        assertThat(change.path("old").path("segments").get(1).path("changed").asBoolean()).isTrue();
        assertThat(change.path("new").path("segments").get(1).path("text").asText()).isEqualTo("prescribing");
        assertThat(rows.get(2).path("kind").asText()).isEqualTo("insert");
        assertThat(rows.get(2).path("new").path("line").asInt()).isEqualTo(3);
    }

    @Test
    void diffWithoutFromComparesWithThePreviousRevision() {
        long v1 = save("Diff_default", "a", alice);
        long v2 = save("Diff_default", "b", alice);
        JsonNode diff = wiki.get("/api/v1/pages/Diff_default/diff?to=" + v2).json();
        assertThat(diff.path("from").path("id").asLong()).isEqualTo(v1);
        JsonNode creation = wiki.get("/api/v1/pages/Diff_default/diff?to=" + v1).json();
        assertThat(creation.path("from").isNull()).isTrue();
        assertThat(creation.path("linesAdded").asInt()).isEqualTo(1);
    }

    @Test
    void revertCreatesNewRevisionWithTheOlderTextAttributedToTheReverter() {
        long good = save("Vandalised", "Accurate dosing guidance.", alice);
        long bad = save("Vandalised", "BUY CHEAP PILLS", bob);
        Response revert = wiki.post("/api/v1/pages/Vandalised/revert", alice, json("revisionId", good, "summary", "spam"));
        assertThat(revert.status()).isEqualTo(200);
        JsonNode revision = revert.json().path("revision");
        assertThat(revision.path("parentId").asLong()).isEqualTo(bad);
        assertThat(revision.path("author").path("name").asText()).isEqualTo("alice");
        assertThat(revision.path("summary").asText()).contains("revision " + good).contains("spam");
        assertThat(wiki.get("/api/v1/pages/Vandalised").json().path("markdown").asText()).isEqualTo("Accurate dosing guidance.");
        JsonNode history = wiki.get("/api/v1/pages/Vandalised/revisions").json().path("revisions");
        assertThat(history).extracting(r -> r.path("id").asLong())
                .containsExactly(revision.path("id").asLong(), bad, good);
        assertThat(wiki.get("/api/v1/pages/Vandalised/revisions/" + bad).json().path("markdown").asText()).isEqualTo("BUY CHEAP PILLS");
    }

    @Test
    void revertToTheCurrentTextChangesNothing() {
        long only = save("Nothing_to_revert", "text", alice);
        Response revert = wiki.post("/api/v1/pages/Nothing_to_revert/revert", alice, json("revisionId", only));
        assertThat(revert.json().path("outcome").asText()).isEqualTo("unchanged");
        assertThat(wiki.get("/api/v1/pages/Nothing_to_revert/revisions").json().path("revisions")).hasSize(1);
    }

    @Test
    void revertToARevisionOfAnotherPageIsNotFound() {
        long other = save("Revert_source", "x", alice);
        save("Revert_target", "y", alice);
        assertThat(wiki.post("/api/v1/pages/Revert_target/revert", alice, json("revisionId", other)).status()).isEqualTo(404);
    }

    @Test
    void revertIsAuditedWithWhoAndWhy() {
        long good = save("Audited_revert", "good", alice);
        save("Audited_revert", "bad", bob);
        wiki.post("/api/v1/pages/Audited_revert/revert", bob, json("revisionId", good, "summary", "oops"));
        String admin = wiki.login("auditor", Role.ADMIN);
        JsonNode entry = wiki.get("/api/v1/audit?action=revert", admin).json().path("entries").get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("bob");
        assertThat(entry.path("target").asText()).isEqualTo("Audited revert");
        assertThat(entry.path("reason").asText()).isEqualTo("oops");
    }

    @Test
    void recentChangesAreNewestFirstWithSizeChangesAndFilters() {
        save("Recent_one", "12345", alice);
        long minor = wiki.put("/api/v1/pages/Recent_one", bob, json("markdown", "123", "baseRevisionId",
                wiki.get("/api/v1/pages/Recent_one").json().path("revision").path("id").asLong(), "minor", true))
                .json().path("revision").path("id").asLong();
        save("Talk:Recent_one", "discussion", alice);
        JsonNode changes = wiki.get("/api/v1/recent-changes?limit=3").json().path("changes");
        assertThat(changes.get(0).path("title").asText()).isEqualTo("Talk:Recent one");
        assertThat(changes.get(0).path("created").asBoolean()).isTrue();
        assertThat(changes.get(1).path("revision").path("id").asLong()).isEqualTo(minor);
        assertThat(changes.get(1).path("sizeChange").asInt()).isEqualTo(-2);
        assertThat(changes.get(2).path("sizeChange").asInt()).isEqualTo(5);

        JsonNode noMinor = wiki.get("/api/v1/recent-changes?limit=2&hideMinor=true").json().path("changes");
        assertThat(noMinor).extracting(c -> c.path("revision").path("minor").asBoolean()).containsOnly(false);
        JsonNode talkOnly = wiki.get("/api/v1/recent-changes?namespace=talk").json().path("changes");
        assertThat(talkOnly).extracting(c -> c.path("namespace").asText()).containsOnly("talk");
    }

    @Test
    void recentChangesPageWithBefore() {
        save("Recent_paging", "a", alice);
        save("Recent_paging", "b", alice);
        JsonNode first = wiki.get("/api/v1/recent-changes?limit=1").json();
        long next = first.path("next").asLong();
        JsonNode second = wiki.get("/api/v1/recent-changes?limit=1&before=" + next).json().path("changes");
        assertThat(second.get(0).path("revision").path("id").asLong()).isLessThan(next);
    }

    @Test
    void contributionsListOneUsersRevisions() {
        String carol = wiki.login("carol", Role.EDITOR);
        save("Carol_page_1", "one", carol);
        save("Carol_page_2", "two", carol);
        save("Carol_page_2", "not carol", alice);
        JsonNode contributions = wiki.get("/api/v1/users/carol/contributions").json();
        assertThat(contributions.path("user").asText()).isEqualTo("carol");
        assertThat(contributions.path("contributions")).extracting(c -> c.path("title").asText())
                .containsExactly("Carol page 2", "Carol page 1");
        assertThat(wiki.get("/api/v1/users/nobody-here/contributions").status()).isEqualTo(404);
    }
}
