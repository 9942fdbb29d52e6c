package org.clinwiki.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.clinwiki.search.ClinicalSynonyms;
import org.clinwiki.testing.TestDatabases;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole servers (HTTP, search index, caches) in one process on one PostgreSQL database, each
 * with its own data directory: what one shows after an edit through the other.
 */
class TwoServersTest {

    @TempDir
    Path temp;

    private final String database = TestDatabases.newPostgresDatabase();

    private TestWiki server(String name) {
        return TestWiki.start(temp.resolve(name), config -> config.withDatabase(database));
    }

    @Test
    void anEditThroughOneServerIsShownAndSearchableOnTheOther() throws Exception {
        try (TestWiki a = server("a"); TestWiki b = server("b")) {
            String editor = a.login("writer", Role.EDITOR);
            a.save("Sepsis_bundle", "The first version.", editor);
            assertThat(b.get("/wiki/Sepsis_bundle").body()).contains("The first version.");

            a.save("Sepsis_bundle", "Lactate within the hour, then antibiotics.", editor);
            assertThat(b.get("/wiki/Sepsis_bundle").body()).as("no stale cached view on the other server")
                    .contains("Lactate within the hour").doesNotContain("The first version.");
            // Woken by the other server's notification, not by its own save or its poll.
            assertThat(eventually(() -> b.searchTitles("lactate").contains("Sepsis bundle"), Duration.ofSeconds(3)))
                    .as("searchable on the other server within 3 s").isTrue();
        }
    }

    @Test
    void aLinkTargetCreatedThroughOneServerIsNoLongerRedOnTheOther() {
        try (TestWiki a = server("a"); TestWiki b = server("b")) {
            String editor = a.login("linker", Role.EDITOR);
            a.save("Handoff", "See [[Situation background assessment]].", editor);
            assertThat(redLinks(b.get("/wiki/Handoff").body())).containsExactly("Situation background assessment");
            b.save("Situation_background_assessment", "SBAR.", b.token("linker", TestWiki.PASSWORD));
            assertThat(redLinks(a.get("/wiki/Handoff").body())).isEmpty();
        }
    }

    @Test
    void theSynonymListGivenToOneServerIsUsedByEveryServer() throws Exception {
        Path first = temp.resolve("first");
        Files.createDirectories(first);
        Files.writeString(first.resolve(ClinicalSynonyms.LOCAL_FILE), "qsofa, quick sequential organ failure assessment\n");
        try (TestWiki a = TestWiki.start(first, config -> config.withDatabase(database))) {
            a.save("Sepsis_screening", "Screen with qSOFA at triage.", a.login("nurse", Role.EDITOR));
        }
        try (TestWiki b = server("second")) {
            b.awaitSearchable();
            assertThat(b.searchTitles("quick sequential organ failure assessment")).contains("Sepsis screening");
        }
    }

    private static java.util.List<String> redLinks(String html) {
        return Jsoup.parse(html).select("main a.new").eachText();
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
