package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.clinwiki.FirstRun;
import org.clinwiki.mediawiki.MediaWikiImport;
import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

/**
 * A real MediaWiki 1.39 wiki imported into a running Clinwiki, read as a person would: its
 * articles with their references, figures and categories, their history with the old authors,
 * and the import report.
 */
class ImportedWikiTest extends BrowserTestCase {

    @BeforeAll
    void importTheFixture() throws Exception {
        Path fixture = fixture();
        var wikiServices = wiki.wiki();
        wikiServices.mediaWikiImport().run(FirstRun.systemActor(wikiServices), fixture.resolve("clinfowiki-dump.xml"),
                new MediaWikiImport.Options(Optional.of(fixture.resolve("images")), Optional.empty(), false), progress -> { });
        wiki.login("reviewer", Role.EDITOR);
        wiki.awaitSearchable();
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(ImportedWikiTest.class.getResource("/mediawiki/clinfowiki-1.39/clinfowiki-dump.xml").toURI()).getParent();
    }

    @Test
    void anImportedArticleShowsItsReferencesCategoriesAndFigure() {
        browser.go("/wiki/Computerized_provider_order_entry");
        assertThat(browser.find("h1").getText()).isEqualTo("Computerized provider order entry");
        assertThat(browser.find("article").getText()).contains("Bates DW", "JAMA");
        assertThat(browser.findAll("nav.categories a")).extracting(WebElement::getText).contains("Stubs");
        browser.go("/wiki/Electronic_health_record");
        assertThat(browser.findAll("figure img")).isNotEmpty();
    }

    @Test
    void historyShowsTheAuthorsOfTheOtherWikiAndOneImportEntry() {
        browser.go("/wiki/Computerized_provider_order_entry/history");
        String history = browser.find("main").getText();
        assertThat(history).contains("Alice Nurse", "Bob MD", "Imported 4 revisions from Clinfowiki");
        browser.go("/special/recent-changes");
        assertThat(browser.find("main").getText()).contains("Imported 4 revisions from Clinfowiki").doesNotContain("Update wording after move");
    }

    @Test
    void theImportReportListsWhatWasSimplified() {
        browser.go("/special/import-report");
        assertThat(browser.path()).startsWith("/login");
        browser.logIn("reviewer", TestWiki.PASSWORD);
        browser.go("/special/import-report");
        assertThat(browser.find("main").getText()).contains("category sort key", "rowspan");
        browser.clickThrough("table.report-totals a");
        assertThat(browser.path()).startsWith("/special/import-report?filter=");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/wiki/Health_Level_Seven", "/wiki/Talk:Electronic_health_record", "/wiki/Project:About",
        "/wiki/File:EHR_screenshot.png", "/wiki/Nursing_informatics", "/wiki/User_talk:Alice_Nurse"})
    void importedPagesHaveNoSeriousAccessibilityProblems(String path) {
        browser.go(path);
        assertThat(browser.accessibilityProblems()).as(path).isEmpty();
        assertThat(browser.consoleProblems()).as(path).isEmpty();
    }
}
