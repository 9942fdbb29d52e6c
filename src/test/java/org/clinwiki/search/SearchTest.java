package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Searching as a clinician would, over the API, on a real index in a temporary data directory. */
class SearchTest extends WikiTestCase {

    private String editor;

    @BeforeAll
    void articles() {
        editor = wiki.login("casey", Role.EDITOR);
        wiki.save("Electronic_health_record", """
                An electronic health record is the longitudinal record of a patient's care across settings.

                ## Adoption
                Hospitals adopted these systems quickly after incentive programmes.
                [[Category:Clinical systems]]
                """, editor);
        wiki.save("Computerized_provider_order_entry", """
                Clinicians enter medication and laboratory orders electronically instead of on paper.

                ## Safety
                Order entry with dose checking prevents transcription errors.
                [[Category:Clinical systems]] [[Category:Medication safety]]
                """, editor);
        wiki.save("Clinical_documentation", """
                Notes are written in the EHR; templates and smart phrases speed documentation.
                The EHR also holds flowsheets. Clinical decision support can read structured notes.
                [[Category:Clinical systems]]
                """, editor);
        wiki.save("Clinical_decision_support", """
                Alerts, reminders and order sets that help clinicians decide.

                ## Alert fatigue
                Too many interruptive alerts lead clinicians to override them.
                [[Category:Clinical decision support]]
                """, editor);
        wiki.save("BCMA_scanning_compliance", """
                Nurses scan the wristband and the medication before giving it; the eMAR records each dose.
                [[Category:Medication safety]]
                """, editor);
        wiki.save("Fast_Healthcare_Interoperability_Resources", """
                FHIR is a standard from HL7 for exchanging resources over REST APIs.
                [[Category:Interoperability]]
                """, editor);
        wiki.save("Health_information_exchange", """
                Sharing clinical data between organisations, usually through a regional network.
                [[Category:Interoperability]]
                """, editor);
        wiki.save("Version_2_messaging", """
                Pipe-delimited HL7 v2 messages still carry most admissions and results. Interoperability depends on them.
                [[Category:Interoperability]]
                """, editor);
        wiki.save("Naïve_Bayes_triage", "A naïve classifier sorts référrals by urgency. [[Category:Analytics]]", editor);
        wiki.save("Smart_infusion_pumps", "Pumps with a drug library that caps doses.", editor);
        wiki.save("IV_pump_integration", "#REDIRECT [[Smart infusion pumps]]", editor);
        wiki.save("Unsafe_markup", "Someone typed <script>alert(1)</script> as an example of an alert script.", editor);
        wiki.save("Help:Search_tips", "Type abbreviations such as EHR into the search box; no markdown needed.", editor);
        for (int i = 1; i <= 25; i++) {
            wiki.save("Order_set_" + i, "Order set " + i + " for the quokkaward protocol. [[Category:Order sets]]", editor);
        }
        wiki.awaitSearchable();
    }

    @Test
    void titleMatchComesFirst() {
        assertThat(wiki.searchTitles("clinical decision support")).first().isEqualTo("Clinical decision support");
        assertThat(wiki.searchTitles("electronic health record")).first().isEqualTo("Electronic health record");
    }

    @Test
    void abbreviationFindsItsExpansion() {
        assertThat(wiki.searchTitles("CPOE")).first().isEqualTo("Computerized provider order entry");
        assertThat(wiki.searchTitles("ehr")).first().isEqualTo("Electronic health record");
        assertThat(wiki.searchTitles("ehr")).contains("Clinical documentation");
        assertThat(wiki.searchTitles("HIE")).containsExactly("Health information exchange");
    }

    @Test
    void expansionFindsItsAbbreviation() {
        assertThat(wiki.searchTitles("bar code medication administration")).containsExactly("BCMA scanning compliance");
        assertThat(wiki.searchTitles("electronic medication administration record")).contains("BCMA scanning compliance");
        assertThat(wiki.searchTitles("electronic health record")).contains("Clinical documentation");
    }

    @Test
    void shortTokensStemsAndAccentsMatch() {
        assertThat(wiki.searchTitles("HL7")).contains("Fast Healthcare Interoperability Resources", "Version 2 messaging");
        assertThat(wiki.searchTitles("v2")).containsExactly("Version 2 messaging");
        assertThat(wiki.searchTitles("alerting")).contains("Clinical decision support");
        assertThat(wiki.searchTitles("naive referrals")).containsExactly("Naïve Bayes triage");
        assertThat(wiki.searchTitles("patients")).contains("Electronic health record");
    }

    @Test
    void redirectTitleFindsItsTarget() {
        assertThat(wiki.searchTitles("integration")).containsExactly("Smart infusion pumps");
    }

    @Test
    void aWordOnlyInTheTitleMarksNothingInTheText() {
        // The text comes first in the field searched; the title's and redirects' places lie after its end.
        assertThat(hitTitled("integration", "Smart infusion pumps").path("snippet").asText())
                .contains("drug library").doesNotContain("<mark>");
        assertThat(hitTitled("infusion", "Smart infusion pumps").path("snippet").asText())
                .contains("drug library").doesNotContain("<mark>");
    }

    @Test
    void headingsAndCategoriesAreSearched() {
        assertThat(wiki.searchTitles("adoption")).first().isEqualTo("Electronic health record");
        assertThat(wiki.searchTitles("medication safety")).contains("BCMA scanning compliance", "Computerized provider order entry");
    }

    @Test
    void snippetsMarkTheWordsAnAbbreviationStandsFor() {
        assertThat(hitTitled("electronic health record", "Clinical documentation").path("snippet").asText())
                .contains("<mark>EHR</mark>");
        assertThat(hitTitled("ehr", "Electronic health record").path("snippet").asText())
                .contains("<mark>electronic</mark> <mark>health</mark> <mark>record</mark>");
    }

    private JsonNode hitTitled(String query, String title) {
        for (JsonNode hit : wiki.search(query).path("results")) {
            if (hit.path("title").asText().equals(title)) {
                return hit;
            }
        }
        throw new AssertionError("No result titled " + title + " for " + query);
    }

    @Test
    void resultCarriesSnippetScoreCategoriesAndUpdated() {
        JsonNode hit = wiki.search("wristband").path("results").get(0);
        assertThat(hit.path("title").asText()).isEqualTo("BCMA scanning compliance");
        assertThat(hit.path("snippet").asText()).contains("<mark>wristband</mark>");
        assertThat(hit.path("score").asDouble()).isPositive();
        assertThat(hit.path("categories").get(0).asText()).isEqualTo("Medication safety");
        assertThat(hit.path("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void snippetsEscapePageTextAndMarkOnlyMatches() {
        String snippet = wiki.search("script example").path("results").get(0).path("snippet").asText();
        assertThat(snippet).contains("&lt;<mark>script</mark>&gt;alert(1)").doesNotContain("<script");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
        assertThat(snippet).contains("<mark>example</mark>");
    }

    @Test
    void everyHitOfALongResultPageHasItsSnippet() throws Exception {
        // Thirty long pages: more text than the highlighter loads at once, so it loads in batches.
        String filler = "Clinicians document care in structured templates every shift. ".repeat(400);
        for (int i = 1; i <= 30; i++) {
            wiki.save("Long_note_" + i, filler + "The quorbitrax protocol ends note " + i + ".", editor);
        }
        assertThat(pollUntil(() -> wiki.search("quorbitrax").path("total").asInt() == 30)).isTrue();
        JsonNode results = wiki.search("quorbitrax", "limit=30").path("results");
        assertThat(results).hasSize(30);
        results.forEach(hit -> assertThat(hit.path("snippet").asText())
                .as(hit.path("title").asText()).contains("<mark>quorbitrax</mark> protocol ends note"));
    }

    @Test
    void quotedPhraseMatchesWordsInOrder() {
        assertThat(wiki.searchTitles("\"order entry\"")).contains("Computerized provider order entry");
        assertThat(wiki.searchTitles("\"entry order\"")).isEmpty();
    }

    @Test
    void minusExcludesAWord() {
        assertThat(wiki.searchTitles("interoperability")).contains("Fast Healthcare Interoperability Resources");
        assertThat(wiki.searchTitles("interoperability -FHIR"))
                .contains("Version 2 messaging").doesNotContain("Fast Healthcare Interoperability Resources");
        assertThat(wiki.searchTitles("-quokkaward category:\"Order sets\"")).isEmpty();
    }

    @Test
    void talkAndUserPagesAreFoundOnlyWhenAskedFor() throws Exception {
        wiki.save("Talk:Sepsis_bundle", "Should the glimmerwick checklist be here?", editor);
        wiki.save("User:Casey", "Casey keeps notes on glimmerwick audits.", editor);
        wiki.save("Glimmerwick_audit", "The glimmerwick audit of sepsis bundles.", editor);
        assertThat(pollUntilFound("glimmerwick", "Glimmerwick audit")).isTrue();
        assertThat(wiki.searchTitles("glimmerwick")).containsExactly("Glimmerwick audit");
        assertThat(wiki.searchTitles("glimmerwick", "namespace=talk")).containsExactly("Talk:Sepsis bundle");
        assertThat(wiki.searchTitles("glimmerwick", "namespace=main,user")).containsExactlyInAnyOrder("Glimmerwick audit", "User:Casey");
    }

    @Test
    void aSearchOfOnlyExclusionsListsPagesNeverRedirects() {
        List<String> titles = wiki.searchTitles("-quokkaward", "limit=100");
        assertThat(titles).contains("Smart infusion pumps").doesNotContain("IV pump integration", "Order set 1");
    }

    @Test
    void titleAndCategoryPrefixesNarrowTheSearch() {
        assertThat(wiki.searchTitles("title:exchange")).containsExactly("Health information exchange");
        assertThat(wiki.searchTitles("title:clinical")).containsExactlyInAnyOrder("Clinical documentation", "Clinical decision support");
        assertThat(wiki.searchTitles("hl7 category:interoperability")).containsExactlyInAnyOrder(
                "Fast Healthcare Interoperability Resources", "Version 2 messaging");
        assertThat(wiki.searchTitles("clinicians", "category=Medication%20safety")).containsExactly("Computerized provider order entry");
    }

    @Test
    void categoriesOfAllMatchesAreCountedForFiltering() {
        assertThat(facets("medication")).startsWith("Medication safety=2");
    }

    @Test
    void categoryCountsFollowAPageMovedToAnotherCategory() throws Exception {
        wiki.save("Quillwort_registry", "The quillwort registry tracks rare plants. [[Category:Botany]]", editor);
        assertThat(pollUntilFound("quillwort", "Quillwort registry")).isTrue();
        assertThat(facets("quillwort")).containsExactly("Botany=1");
        wiki.save("Quillwort_registry", "The quillwort registry tracks rare plants. [[Category:Registries]]", editor);
        assertThat(pollUntil(() -> facets("quillwort").equals(List.of("Registries=1")))).isTrue();
        assertThat(wiki.search("quillwort").path("total").asInt()).isEqualTo(1);
    }

    private List<String> facets(String query) {
        List<String> counted = new ArrayList<>();
        wiki.search(query).path("categories").forEach(c -> counted.add(c.path("name").asText() + "=" + c.path("count").asInt()));
        return counted;
    }

    @Test
    void namespaceParameterChoosesWhereToLook() {
        assertThat(wiki.searchTitles("tips")).containsExactly("Help:Search tips");
        assertThat(wiki.searchTitles("tips", "namespace=main")).isEmpty();
        assertThat(wiki.searchTitles("ehr", "namespace=help")).containsExactly("Help:Search tips");
        assertThat(wiki.searchTitles("tips", "namespace=main,help")).containsExactly("Help:Search tips");
        assertThat(wiki.get("/api/v1/search?q=x&namespace=nowhere").errorCode()).isEqualTo("invalid_namespace");
    }

    @Test
    void pagingWalksThroughAllResultsOnce() {
        Set<String> seen = new HashSet<>();
        int total = wiki.search("quokkaward").path("total").asInt();
        assertThat(total).isEqualTo(25);
        assertThat(wiki.searchTitles("quokkaward")).as("ten by default").hasSize(10);
        for (int offset = 0; offset < 30; offset += 10) {
            List<String> page = wiki.searchTitles("quokkaward", "limit=10", "offset=" + offset);
            assertThat(page).hasSize(offset < 20 ? 10 : 5);
            assertThat(seen.addAll(page)).isTrue();
        }
        assertThat(seen).hasSize(25);
        assertThat(wiki.searchTitles("quokkaward", "offset=40")).isEmpty();
        assertThat(wiki.get("/api/v1/search?q=quokkaward&limit=0").status()).isEqualTo(400);
        assertThat(wiki.get("/api/v1/search?q=quokkaward&limit=101").status()).isEqualTo(400);
        assertThat(wiki.get("/api/v1/search?q=quokkaward&offset=-1").status()).isEqualTo(400);
    }

    @Test
    void misspelledWordsGetACorrectedQuery() {
        assertThat(wiki.search("elecronic helth record").path("suggestion").asText()).isEqualTo("electronic health record");
        assertThat(wiki.search("wristbnd scanning").path("suggestion").asText()).isEqualTo("wristband scanning");
        assertThat(wiki.search("electronic health record").path("suggestion").isNull()).isTrue();
        // Two edits (swapped letters) are still within reach; nothing near is no suggestion.
        assertThat(wiki.search("flowhseets").path("suggestion").asText()).isEqualTo("flowsheets");
        // Two letters missing: the correction is two characters longer than the typed word.
        assertThat(wiki.search("elecronc").path("suggestion").asText()).isEqualTo("electronic");
        assertThat(wiki.search("qwertyuiop").path("suggestion").isNull()).isTrue();
        // An abbreviation from the clinical vocabulary is not a misspelling, even if no page uses it.
        assertThat(wiki.search("SNOMED").path("suggestion").isNull()).isTrue();
    }

    @Test
    void autocompleteOffersTitlesByPrefixThenInfix() {
        JsonNode titles = wiki.get("/api/v1/search/suggest?q=clin").json().path("titles");
        assertThat(titles.get(0).asText()).startsWith("Clinical");
        List<String> infix = new ArrayList<>();
        wiki.get("/api/v1/search/suggest?q=health").json().path("titles").forEach(t -> infix.add(t.asText()));
        assertThat(infix).startsWith("Health information exchange")
                .contains("Electronic health record", "Fast Healthcare Interoperability Resources");
        List<String> accents = new ArrayList<>();
        wiki.get("/api/v1/search/suggest?q=naive").json().path("titles").forEach(t -> accents.add(t.asText()));
        assertThat(accents).containsExactly("Naïve Bayes triage");
        assertThat(wiki.get("/api/v1/search/suggest?q=").json().path("titles")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"unbalanced quote", "-", "- -", "--", "title:", "category:", "title:\"\"",
            "category:\"never closed", "-\"", "(((", ")", "AND OR NOT", "*", "?", "ehr*", "fo?", "\\", "/", "~2",
            "^3", "[[Link]]", "<script>alert(1)</script>", "💊💉", "🏥 hospital", "\u0000", "\u202Eevil", "ﷺ",
            "ß", "İstanbul", "a:b:c", "title:title:title", "\"\"\"\"", "%", "%25", "&&", "||", "!", "{}", "category:a/b"})
    void anythingTypedGetsACleanAnswer(String query) {
        Response response = wiki.get("/api/v1/search?q=" + TestWiki.encode(query));
        assertThat(response.status()).as(query).isIn(200, 400);
        if (response.status() == 200) {
            assertThat(response.json().path("total").isNumber()).isTrue();
        } else {
            assertThat(response.errorCode()).isNotBlank();
        }
        assertThat(wiki.get("/search?fulltext=1&q=" + TestWiki.encode(query)).status()).as(query).isIn(200, 400);
        assertThat(wiki.get("/api/v1/search/suggest?q=" + TestWiki.encode(query)).status()).as(query).isEqualTo(200);
    }

    @Test
    void overlongOrOvercomplexQueriesAreRefused() {
        Response long5000 = wiki.get("/api/v1/search?q=" + "a".repeat(5000));
        assertThat(long5000.status()).isEqualTo(400);
        assertThat(long5000.errorCode()).isEqualTo("query_too_long");
        Response manyWords = wiki.get("/api/v1/search?q=" + TestWiki.encode("ehr ".repeat(70)));
        assertThat(manyWords.status()).isEqualTo(400);
        assertThat(manyWords.errorCode()).isEqualTo("query_too_complex");
        assertThat(wiki.get("/api/v1/search?q=").errorCode()).isEqualTo("missing_query");
        assertThat(wiki.get("/api/v1/search/suggest?q=" + "b".repeat(5000)).status()).isEqualTo(200);
        assertThat(wiki.searchTitles("wristband")).isNotEmpty();
    }

    @Test
    void aSavedTextBecomesSearchableAndRemovedTextStopsMatching() {
        // How fast is the benchmark's business (benchmark load, "until searchable"); here only what, in order.
        wiki.save("Zymurgy_in_informatics", "Fermentation logs mention zymurgy and kombucha.", editor);
        wiki.awaitSearchable();
        assertThat(wiki.searchTitles("zymurgy")).containsExactly("Zymurgy in informatics");

        wiki.save("Zymurgy_in_informatics", "Fermentation logs mention only kefir now.", editor);
        wiki.awaitSearchable();
        assertThat(wiki.searchTitles("kombucha")).isEmpty();
        assertThat(wiki.searchTitles("kefir")).containsExactly("Zymurgy in informatics");
    }

    @Test
    void aWriteThatAsksToWaitIsSearchableWhenAnswered() {
        // Each is searched once, at once: without the wait the index takes some milliseconds after the answer.
        List<String> words = List.of("bladderwort", "sphagnum", "horsetail", "clubmoss", "hornwort");
        List<Long> revisions = new ArrayList<>();
        for (String word : words) {
            Response saved = wiki.put("/api/v1/pages/Bog_notes?wait=searchable", editor, TestWiki.json(
                    "markdown", "Field notes on " + word + ".", "baseRevisionId", revisions.isEmpty() ? null : revisions.getLast()));
            assertThat(saved.status()).isIn(200, 201);
            assertThat(saved.json().path("searchable").asBoolean()).isTrue();
            assertThat(wiki.searchTitles(word)).containsExactly("Bog notes");
            revisions.add(saved.json().path("revision").path("id").asLong());
        }
        Response unchanged = wiki.put("/api/v1/pages/Bog_notes?wait=searchable", editor, TestWiki.json(
                "markdown", "Field notes on hornwort.", "baseRevisionId", revisions.getLast()));
        assertThat(unchanged.json().path("outcome").asText()).isEqualTo("unchanged");
        assertThat(unchanged.json().path("searchable").asBoolean()).isTrue();
        Response reverted = wiki.post("/api/v1/pages/Bog_notes/revert?wait=searchable", editor,
                TestWiki.json("revisionId", revisions.getFirst()));
        assertThat(reverted.json().path("searchable").asBoolean()).isTrue();
        assertThat(wiki.searchTitles("bladderwort")).containsExactly("Bog notes");
    }

    @Test
    void anUnknownWaitIsRefusedBeforeAnythingIsSaved() {
        Response refused = wiki.put("/api/v1/pages/Not_waiting?wait=soon", editor, TestWiki.json("markdown", "Never saved."));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_parameter");
        assertThat(wiki.get("/api/v1/pages/Not_waiting").status()).isEqualTo(404);
        Response saved = wiki.put("/api/v1/pages/Not_waiting", editor, TestWiki.json("markdown", "Saved without waiting."));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().has("searchable")).isFalse();
    }

    @Test
    void deletedPagesDisappearAndRestoredPagesReturn() throws Exception {
        String admin = wiki.login("adele", Role.ADMIN);
        wiki.save("Obsolete_interface", "The xylophonix interface was retired.", editor);
        assertThat(pollUntilFound("xylophonix", "Obsolete interface")).isTrue();
        assertThat(wiki.delete("/api/v1/pages/Obsolete_interface", admin).status()).isIn(200, 204);
        assertThat(pollUntil(() -> wiki.searchTitles("xylophonix").isEmpty())).isTrue();
        assertThat(wiki.get("/api/v1/search/suggest?q=obsolete").json().path("titles")).isEmpty();
        assertThat(wiki.post("/api/v1/pages/Obsolete_interface/restore", admin, "").status()).isEqualTo(200);
        assertThat(pollUntilFound("xylophonix", "Obsolete interface")).isTrue();
    }

    @Test
    void didYouMeanNeverOffersAWordOnlyADeletedPageHolds(@TempDir Path dataDir) throws Exception {
        try (TestWiki own = TestWiki.start(dataDir)) {
            String author = own.login("writer", Role.EDITOR);
            own.save("Spell_probe", "Patient codename chrysanthemumvortex, room 12.", author);
            for (int i = 0; i < 5; i++) {
                own.save("Filler_" + i, "Filler page number " + i + " about wristbands.", author);
            }
        }
        // Rebuilt in one pass, the probe shares its segment with the fillers: deleting it leaves its words in the dictionary.
        try (Stream<Path> files = Files.walk(dataDir.resolve("index"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        try (TestWiki own = TestWiki.start(dataDir)) {
            own.awaitSearchable();
            assertThat(own.search("chrysanthemumvortey").path("suggestion").asText()).isEqualTo("chrysanthemumvortex");
            String admin = own.login("remover", Role.ADMIN);
            assertThat(own.delete("/api/v1/pages/Spell_probe", admin).status()).isEqualTo(204);
            own.awaitSearchable();
            assertThat(own.search("chrysanthemumvortey").path("suggestion").isNull()).isTrue();
            assertThat(own.get("/search?q=chrysanthemumvortey&fulltext=1").body()).doesNotContain("chrysanthemumvortex");
            assertThat(own.search("wristbnds").path("suggestion").asText()).as("live pages' words still are").isEqualTo("wristbands");
        }
    }

    @Test
    void retargetedRedirectMovesItsTitleToTheNewTarget() throws Exception {
        wiki.save("Alpha_target", "First page.", editor);
        wiki.save("Beta_target", "Second page.", editor);
        wiki.save("Wobbleflange", "#REDIRECT [[Alpha target]]", editor);
        assertThat(pollUntilFound("wobbleflange", "Alpha target")).isTrue();
        wiki.save("Wobbleflange", "#REDIRECT [[Beta target]]", editor);
        assertThat(pollUntil(() -> wiki.searchTitles("wobbleflange").equals(List.of("Beta target")))).isTrue();
    }

    private boolean pollUntilFound(String query, String title) throws InterruptedException {
        return pollUntil(() -> wiki.searchTitles(query).contains(title));
    }

    private static boolean pollUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
