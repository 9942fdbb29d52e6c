package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.ImageFixtures;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;

/** axe-core finds no serious or critical problem on any page type, and no page breaks the CSP. */
class AccessibilityTest extends BrowserTestCase {

    long first;
    long latest;
    String editor;

    @BeforeAll
    void content() {
        editor = wiki.login("dora", Role.EDITOR, "PharmD");
        first = wiki.save("Medication_reconciliation", """
                Medication reconciliation compares lists.[^1]

                ## Admission
                text

                ## Transfer
                text

                ## Discharge
                | Step | Who |
                |---|---|
                | Compare | Pharmacist |

                [^1]: Source.

                [[Category:Medication safety]]
                """, editor).path("revision").path("id").asLong();
        latest = wiki.save("Medication_reconciliation", "Medication reconciliation compares lists at every transition.\n\n[[Category:Medication safety]]",
                editor).path("revision").path("id").asLong();
        wiki.save("Category:Medication_safety", "Safety.\n[[Category:Patient safety]]", editor);
        wiki.save("Linked_nowhere", "[[Wanted article]]", editor);
        wiki.upload(editor, "Reconciliation chart.png", ImageFixtures.png(900, 600), "comment", "Steps of reconciliation");
        wiki.upload(editor, "Reconciliation chart.png", ImageFixtures.png(800, 600), "replace", "true");
        wiki.save("Reconciliation_figures", "Before.\n\n[[File:Reconciliation chart.png|thumb|The steps, see [[Medication reconciliation]]]]\n\n"
                + "[[File:Reconciliation chart.png|150px|left|alt=Chart]] [[File:Missing chart.png|thumb|Not yet]]\n\nAfter.", editor);
        wiki.save("Template:Notice", "**Notice** for {{{1|everyone}}}. <includeonly>[[Category:Noticed]]</includeonly>", editor);
        wiki.save("Talk:Medication_reconciliation", """
                {{Notice|reviewers}}

                ## Sources

                Add the WHO High 5s protocol?[^who] ~~~~
                :Agreed, HbA<sub>1c</sub> aside. ~~~~
                ::<abbr title="best possible medication history">BPMH</abbr> first. ~~~~

                [^who]: {{cite web|title=The High 5s Project|website=WHO|url=https://www.who.int/|accessdate=5 December 2026}}
                """, editor);
        wiki.awaitSearchable();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/wiki/Medication_reconciliation",
        "/wiki/Medication_reconciliation?oldid=FIRST",
        "/wiki/Medication_reconciliation/history",
        "/wiki/Medication_reconciliation/diff",
        "/wiki/Medication_reconciliation/diff?view=inline",
        "/wiki/Category:Medication_safety",
        "/wiki/Category:Patient_safety",
        "/wiki/Missing_article",
        "/wiki/Talk:Medication_reconciliation",
        "/wiki/Template:Notice",
        "/wiki/Reconciliation_figures",
        "/wiki/File:Reconciliation_chart.png",
        "/wiki/File:Missing_chart.png",
        "/special/recent-changes",
        "/special/all-pages",
        "/special/categories",
        "/special/wanted-pages",
        "/special/orphaned-pages",
        "/special/contributions/dora",
        "/search?q=medication",
        "/login",
        "/register",
        "/no/such/page",
    })
    void readerPagesHaveNoSeriousAccessibilityProblems(String path) {
        browser.go(path.replace("FIRST", Long.toString(first)));
        assertThat(browser.accessibilityProblems()).as(path).isEmpty();
        assertThat(browser.consoleProblems()).as(path).isEmpty();
    }

    @Test
    void editorPagesHaveNoSeriousAccessibilityProblems() {
        browser.logIn("dora", TestWiki.PASSWORD);
        for (String path : new String[] {"/wiki/Medication_reconciliation/edit", "/wiki/New_article/edit",
                "/wiki/Medication_reconciliation/revert?to=" + first, "/wiki/Medication_reconciliation/history",
                "/special/change-password", "/wiki/Medication_reconciliation/edit?section=0",
                "/wiki/Talk:Medication_reconciliation/edit?section=new",
                "/special/upload", "/wiki/File:Reconciliation_chart.png"}) {
            browser.go(path);
            assertThat(browser.accessibilityProblems()).as(path).isEmpty();
        }
        browser.go("/wiki/Medication_reconciliation/edit");
        browser.find("#cw-markdown").sendKeys(Keys.END, " Live preview.");
        browser.waitFor(driver -> browser.find("#cw-preview").getText().contains("Live preview."));
        assertThat(browser.accessibilityProblems()).as("edit page with live preview").isEmpty();
        assertThat(browser.consoleProblems()).as("edit page with live preview").isEmpty();
    }

    @Test
    void conflictPageHasNoSeriousAccessibilityProblems() {
        browser.logIn("dora", TestWiki.PASSWORD);
        browser.go("/wiki/Medication_reconciliation/edit");
        wiki.put("/api/v1/pages/Medication_reconciliation", editor, json("markdown", "Someone else's text.", "baseRevisionId", latest));
        browser.find("#cw-markdown").sendKeys(Keys.END, " My addition.");
        browser.clickThrough("button[value=save]");
        assertThat(browser.findAll(".conflict")).hasSize(1);
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void theCheckItselfFindsProblemsWhereThereAreSome() {
        browser.driver().get("data:text/html,<html><body><img src='x.png'><button></button></body></html>");
        assertThat(browser.accessibilityProblems()).anyMatch(problem -> problem.startsWith("image-alt"))
                .anyMatch(problem -> problem.startsWith("button-name"));
    }
}
