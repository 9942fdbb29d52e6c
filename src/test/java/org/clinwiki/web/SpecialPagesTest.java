package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The special pages as HTML: all pages, categories, wanted, orphaned, random, contributions, search. */
class SpecialPagesTest extends WikiTestCase {

    @BeforeAll
    void content() {
        String editor = wiki.login("sam", Role.EDITOR, "CNIO");
        wiki.save("Hub", "[[Linked one]] [[Linked two]] [[Never written]] [[Also missing]]", editor);
        wiki.save("Other_hub", "[[Never written]]", editor);
        wiki.save("Linked_one", "text [[Category:Things]]", editor);
        wiki.save("Linked_two", "text [[Category:Things]]", editor);
        wiki.save("Lonely", "nobody links here", editor);
        wiki.save("Lonely_redirect", "#REDIRECT [[Lonely]]", editor);
        wiki.save("Help:Orphan_help", "help pages are not articles", editor);
    }

    private Document page(String path) {
        Response response = wiki.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void allPagesListsTitlesWithAPrefixFilter() {
        assertThat(page("/special/all-pages").select(".title-list a")).extracting(Element::text)
                .contains("Hub", "Linked one", "Lonely", "Other hub");
        assertThat(page("/special/all-pages?prefix=linked").select(".title-list a")).extracting(Element::text)
                .containsExactly("Linked one", "Linked two");
        assertThat(page("/special/all-pages?namespace=help").select(".title-list a")).extracting(Element::text)
                .containsExactly("Help:Orphan help");
    }

    @Test
    void categoriesListsEveryCategoryWithItsSize() {
        Document categories = page("/special/categories");
        assertThat(categories.select(".title-list li").text()).contains("Things (2 pages)");
    }

    @Test
    void wantedPagesAreMostLinkedFirstAndRed() {
        Document wanted = page("/special/wanted-pages");
        assertThat(wanted.select(".title-list a")).extracting(Element::text).startsWith("Never written", "Also missing");
        assertThat(wanted.select(".title-list a").first().hasClass("new")).isTrue();
        assertThat(wanted.select(".title-list li").first().text()).contains("2 links");
    }

    @Test
    void orphanedPagesAreArticlesNothingLinksTo() {
        Document orphans = page("/special/orphaned-pages");
        assertThat(orphans.select(".title-list a")).extracting(Element::text)
                .contains("Hub", "Other hub").doesNotContain("Linked one", "Lonely redirect", "Help:Orphan help");
    }

    @Test
    void randomPageRedirectsToAnArticle() {
        Response random = wiki.get("/special/random");
        assertThat(random.status()).isEqualTo(302);
        assertThat(random.header("Location")).startsWith("/wiki/").doesNotContain("Help:").doesNotContain("Lonely_redirect");
    }

    @Test
    void contributionsListAUsersEdits() {
        Document contributions = page("/special/contributions/sam");
        assertThat(contributions.select("h1").text()).isEqualTo("Contributions of sam Display");
        assertThat(contributions.select(".change-page")).extracting(Element::text).contains("Hub", "Lonely");
        assertThat(wiki.get("/special/contributions/nobody").status()).isEqualTo(404);
    }

    @Test
    void searchGoesToAnExactTitleIgnoringCaseOrListsResults() {
        wiki.awaitSearchable();
        Response exact = wiki.get("/search?q=lonely");
        assertThat(exact.status()).isEqualTo(302);
        assertThat(exact.header("Location")).isEqualTo("/wiki/Lonely");
        assertThat(wiki.get("/search?q=HELP%3AORPHAN+HELP").header("Location")).isEqualTo("/wiki/Help:Orphan_help");
        Document results = page("/search?q=linked");
        assertThat(results.select(".search-hits .search-hit-title")).extracting(Element::text)
                .containsExactlyInAnyOrder("Linked one", "Linked two", "Hub");
        assertThat(results.select(".search-create a.new").attr("href")).isEqualTo("/wiki/Linked/edit");
        assertThat(page("/search?q=%3Cscript%3E").select("script").stream().allMatch(s -> s.hasAttr("src"))).isTrue();
    }

    @Test
    void searchPageOffersCategoryFiltersCorrectionsAndPaging() {
        wiki.awaitSearchable();
        Document results = page("/search?q=text&fulltext=1");
        assertThat(results.select(".search-facets li").text()).contains("Things 2");
        String filter = results.select(".search-facets a").first().attr("href");
        assertThat(filter).contains("category=Things");
        Document filtered = page(filter);
        assertThat(filtered.select(".search-facets strong[aria-current]").text()).isEqualTo("Things");
        assertThat(filtered.select(".search-hits .search-hit-title")).hasSize(2);

        Document misspelt = page("/search?q=lonley&fulltext=1");
        assertThat(misspelt.select(".search-suggestion a").text()).isEqualTo("lonely");

        Document exact = page("/search?q=Lonely&fulltext=1");
        assertThat(exact.select(".search-exists a").attr("href")).isEqualTo("/wiki/Lonely");

        Document first = page("/search?q=text&fulltext=1&limit=1");
        assertThat(first.select(".search-count").text()).startsWith("Results 1–1 of");
        assertThat(first.select(".pager a[rel=next]").attr("href")).contains("offset=1");
    }

    @Test
    void missingCategoryPageWithMembersStillListsThem() {
        Response things = wiki.get("/wiki/Category:Things");
        assertThat(things.status()).isEqualTo(200);
        assertThat(Jsoup.parse(things.body()).select(".category-listing a")).extracting(Element::text)
                .containsExactly("Linked one", "Linked two");
    }
}
