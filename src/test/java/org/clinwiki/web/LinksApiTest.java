package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the text of pages says about each other: backlinks, categories, redirects, title lists. */
class LinksApiTest extends WikiTestCase {

    String editor;

    @BeforeAll
    void accounts() {
        editor = wiki.login("editor", Role.EDITOR);
    }

    @Test
    void backlinksListPagesLinkingHereAndMarkRedirects() {
        wiki.save("Barcode_medication_administration", "BCMA text", editor);
        wiki.save("Nursing_informatics", "Nurses use [[Barcode medication administration]].", editor);
        wiki.save("EMAR", "See [[barcode_medication_administration|BCMA]].", editor);
        wiki.save("BCMA", "#REDIRECT [[Barcode medication administration]]", editor);
        wiki.save("Unrelated", "No links.", editor);
        JsonNode backlinks = wiki.get("/api/v1/pages/Barcode_medication_administration/backlinks").json().path("backlinks");
        assertThat(backlinks).extracting(b -> b.path("title").asText()).containsExactly("BCMA", "EMAR", "Nursing informatics");
        assertThat(backlinks.get(0).path("redirect").asBoolean()).isTrue();
        assertThat(backlinks.get(1).path("redirect").asBoolean()).isFalse();
    }

    @Test
    void removingALinkRemovesTheBacklink() {
        wiki.save("Link_target", "target", editor);
        wiki.save("Link_source", "[[Link target]]", editor);
        assertThat(wiki.get("/api/v1/pages/Link_target/backlinks").json().path("backlinks")).hasSize(1);
        wiki.save("Link_source", "no more link", editor);
        assertThat(wiki.get("/api/v1/pages/Link_target/backlinks").json().path("backlinks")).isEmpty();
    }

    @Test
    void categoriesHoldPagesAndSubcategories() {
        wiki.save("Category:Clinical_decision_support", "Decision support.\n[[Category:Clinical informatics]]", editor);
        wiki.save("Category:Drug_alerts", "Alerts.\n[[Category:Clinical decision support]]", editor);
        wiki.save("Order_sets", "Text.\n[[Category:Clinical decision support]]", editor);
        wiki.save("Sepsis_screening", "Text. [[Category:Clinical decision support]] [[Category:Infection]]", editor);
        wiki.save("Drug_interaction_checking", "Text.\n[[Category:Drug alerts]]", editor);

        JsonNode cds = wiki.get("/api/v1/categories/Clinical_decision_support").json();
        assertThat(cds.path("title").asText()).isEqualTo("Category:Clinical decision support");
        assertThat(cds.path("exists").asBoolean()).isTrue();
        assertThat(cds.path("subcategories")).extracting(JsonNode::asText).containsExactly("Category:Drug alerts");
        assertThat(cds.path("pages")).extracting(JsonNode::asText).containsExactly("Order sets", "Sepsis screening");
        assertThat(cds.path("parents")).extracting(JsonNode::asText).containsExactly("Clinical informatics");

        JsonNode all = wiki.get("/api/v1/categories").json().path("categories");
        assertThat(all).extracting(c -> c.path("name").asText())
                .contains("Clinical decision support", "Clinical informatics", "Drug alerts", "Infection");
        JsonNode informatics = findByName(all, "Clinical informatics");
        assertThat(informatics.path("hasPage").asBoolean()).isFalse();
        assertThat(informatics.path("pages").asInt()).isEqualTo(1);
        assertThat(wiki.get("/api/v1/categories/Infection").json().path("exists").asBoolean()).isFalse();
    }

    @Test
    void changingCategoriesMovesThePage() {
        wiki.save("Moving_page", "[[Category:Before]]", editor);
        wiki.save("Moving_page", "[[Category:After]]", editor);
        assertThat(wiki.get("/api/v1/categories/Before").json().path("pages")).isEmpty();
        assertThat(wiki.get("/api/v1/categories/After").json().path("pages")).extracting(JsonNode::asText).containsExactly("Moving page");
    }

    @Test
    void categoryMembersArePaged() {
        for (int i = 1; i <= 5; i++) {
            wiki.save("Member_" + i, "[[Category:Paged category]]", editor);
        }
        JsonNode first = wiki.get("/api/v1/categories/Paged_category?limit=2").json();
        assertThat(first.path("pages")).extracting(JsonNode::asText).containsExactly("Member 1", "Member 2");
        JsonNode second = wiki.get("/api/v1/categories/Paged_category?limit=2&after=" + encode(first.path("next").asText())).json();
        assertThat(second.path("pages")).extracting(JsonNode::asText).containsExactly("Member 3", "Member 4");
    }

    @Test
    void redirectIsRecordedAndReplacedWhenTheTextChanges() {
        wiki.save("Computerized_provider_order_entry", "CPOE article", editor);
        wiki.save("Order_entry", "#REDIRECT [[Computerized provider order entry]]", editor);
        assertThat(wiki.get("/api/v1/pages/Order_entry").json().path("redirect").asText())
                .isEqualTo("Computerized provider order entry");
        wiki.save("Order_entry", "Now an article of its own.", editor);
        assertThat(wiki.get("/api/v1/pages/Order_entry").json().path("redirect").isNull()).isTrue();
        assertThat(wiki.get("/api/v1/pages/Computerized_provider_order_entry/backlinks").json().path("backlinks")).isEmpty();
    }

    @Test
    void pagesAreListedByPrefixAndPaged() {
        for (String title : new String[] {"Pharmacy_a", "Pharmacy_b", "Pharmacy_c", "Pharmacology"}) {
            wiki.save(title, "x", editor);
        }
        wiki.save("Category:Pharmacy", "x", editor);
        JsonNode first = wiki.get("/api/v1/pages?prefix=pharmacy_&limit=2").json();
        assertThat(first.path("pages")).extracting(JsonNode::asText).containsExactly("Pharmacy a", "Pharmacy b");
        JsonNode second = wiki.get("/api/v1/pages?prefix=pharmacy_&limit=2&after=" + encode(first.path("next").asText())).json();
        assertThat(second.path("pages")).extracting(JsonNode::asText).containsExactly("Pharmacy c");
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(wiki.get("/api/v1/pages?prefix=Category:Pharm").json().path("pages"))
                .extracting(JsonNode::asText).containsExactly("Category:Pharmacy");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode findByName(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
