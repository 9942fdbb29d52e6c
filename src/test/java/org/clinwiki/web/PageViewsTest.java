package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML pages for reading: article, old revision, redirects, history and diff. */
class PageViewsTest extends WikiTestCase {

    String alice;

    @BeforeAll
    void accounts() {
        alice = wiki.login("alice", Role.EDITOR, "MD, clinical informaticist");
    }

    private Document page(String path) {
        Response response = wiki.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        return Jsoup.parse(response.body());
    }

    @Test
    void articleShowsTitleBodyCategoriesAndWhoLastEditedIt() {
        wiki.save("Clinical_decision_support", """
                ## Overview
                CDS gives clinicians [[Alert fatigue|alerts]].

                ## History
                text

                ## Evidence
                text[^1]

                [^1]: Bates DW. Ten commandments. 2003.

                [[Category:Decision support]]
                """, alice);
        Document page = page("/wiki/Clinical_decision_support");
        assertThat(page.title()).isEqualTo("Clinical decision support — Clinwiki");
        assertThat(page.select("h1").first().text()).isEqualTo("Clinical decision support");
        assertThat(page.select(".article-body a.wikilink.new").attr("href")).isEqualTo("/wiki/Alert_fatigue");
        assertThat(page.select(".categories a").attr("href")).isEqualTo("/wiki/Category:Decision_support");
        assertThat(page.select(".last-edited").text()).contains("alice Display", "(MD, clinical informaticist)", "UTC");
        assertThat(page.select(".toc a")).extracting(e -> e.attr("href")).containsExactly("#overview", "#history", "#evidence", "#references");
        assertThat(page.select("ol.references li#cite-note-1").text()).contains("Bates DW");
        assertThat(page.select(".contributors a").text()).contains("alice Display");
    }

    @Test
    void oldRevisionSaysSoAndLinksToTheCurrentOne() {
        long v1 = wiki.save("Versions", "first text", alice).path("revision").path("id").asLong();
        wiki.save("Versions", "second text", alice);
        Document old = page("/wiki/Versions?oldid=" + v1);
        assertThat(old.select(".article-body").text()).isEqualTo("first text");
        assertThat(old.select(".old-revision").text()).contains("old revision");
        assertThat(old.select(".old-revision a").first().attr("href")).isEqualTo("/wiki/Versions");
        assertThat(page("/wiki/Versions").select(".old-revision")).isEmpty();
        assertThat(wiki.get("/wiki/Versions?oldid=999999").status()).isEqualTo(404);
    }

    @Test
    void redirectIsFollowedWithANotice() {
        wiki.save("Electronic_health_record", "The EHR article.", alice);
        wiki.save("EHR", "#REDIRECT [[Electronic health record]]", alice);
        Document page = page("/wiki/EHR");
        assertThat(page.select("h1").first().text()).isEqualTo("Electronic health record");
        assertThat(page.select(".redirected").text()).contains("Redirected from EHR");
        assertThat(page.select(".redirected a").attr("href")).isEqualTo("/wiki/EHR?redirect=no");
        Document itself = page("/wiki/EHR?redirect=no");
        assertThat(itself.select("h1").first().text()).isEqualTo("EHR");
        assertThat(itself.select(".redirect-notice a").attr("href")).isEqualTo("/wiki/Electronic_health_record");
    }

    @Test
    void nonCanonicalUrlRedirectsPermanently() {
        wiki.save("Health_information_exchange", "HIE", alice);
        Response response = wiki.get("/wiki/health%20information%20exchange?x=1");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).endsWith("/wiki/Health_information_exchange?x=1");
    }

    @Test
    void missingPageAnswers404AndSaysItDoesNotExist() {
        Response response = wiki.get("/wiki/Nothing_here_yet");
        assertThat(response.status()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select(".missing").text()).contains("There is no page titled");
    }

    @Test
    void rootGoesToTheMainPage() {
        Response response = wiki.get("/");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/wiki/Main_Page");
    }

    @Test
    void historyListsRevisionsWithAuthorsSummariesAndSizeChanges() {
        wiki.put("/api/v1/pages/Listed", alice, json("markdown", "12345", "summary", "created it"));
        long v1 = wiki.get("/api/v1/pages/Listed").json().path("revision").path("id").asLong();
        wiki.put("/api/v1/pages/Listed", alice, json("markdown", "123", "summary", "trimmed", "baseRevisionId", v1, "minor", true));
        Document history = page("/wiki/Listed/history");
        var rows = history.select(".history-table tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).contains("alice Display", "trimmed", "3 bytes", "-2");
        assertThat(rows.get(0).select("abbr.minor")).hasSize(1);
        assertThat(rows.get(1).text()).contains("created it", "+5");
        assertThat(rows.get(0).select("a[href*=diff]").attr("href")).isEqualTo("/wiki/Listed/diff?from=" + v1 + "&to=" + (v1 + 1));
    }

    @Test
    void diffPageMarksInsertedAndDeletedWords() {
        long v1 = wiki.save("Compared", "CPOE reduces medication errors.", alice).path("revision").path("id").asLong();
        long v2 = wiki.save("Compared", "CPOE reduces prescribing errors.", alice).path("revision").path("id").asLong();
        Document diff = page("/wiki/Compared/diff?from=" + v1 + "&to=" + v2);
        assertThat(diff.select("table.diff del").text()).isEqualTo("medication");
        assertThat(diff.select("table.diff ins").text()).isEqualTo("prescribing");
        assertThat(diff.select(".diff-header").text()).contains("Revision " + v1, "Revision " + v2);
    }

    @Test
    void userSuppliedTextIsEscapedInEveryTemplate() {
        String hostile = "<img src=x onerror=alert(1)>";
        wiki.wiki().users().create("mallory", hostile, "<script>alert(2)</script>", Role.EDITOR, TestWiki.PASSWORD);
        String token = wiki.token("mallory", TestWiki.PASSWORD);
        wiki.put("/api/v1/pages/Escaped", token, json("markdown", "text " + hostile, "summary", "<script>alert(3)</script>"));
        long v1 = wiki.get("/api/v1/pages/Escaped").json().path("revision").path("id").asLong();
        wiki.put("/api/v1/pages/Escaped", token, json("markdown", "<b onmouseover=alert(4)>x</b>", "baseRevisionId", v1));
        for (String path : new String[] {"/wiki/Escaped", "/wiki/Escaped/history", "/wiki/Escaped/diff?from=" + v1}) {
            Document document = Jsoup.parse(wiki.get(path).body());
            assertThat(document.select("script")).as(path).allMatch(script -> script.attr("src").startsWith("/static/wiki."));
            assertThat(document.select("img")).as(path).isEmpty();
            assertThat(document.select("[onerror], [onmouseover]")).as(path).isEmpty();
        }
        assertThat(wiki.get("/wiki/Escaped/history").body()).contains("&lt;script&gt;alert(3)&lt;/script&gt;");
    }
}
