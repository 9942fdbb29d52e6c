package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A reader's flows in real Chromium: articles, categories, recent changes, search, keyboard, phone width. */
class ReadingTest extends BrowserTestCase {

    @BeforeAll
    void content() {
        String editor = wiki.login("writer", Role.EDITOR, "RN, nurse informaticist");
        wiki.save("Barcode_medication_administration", """
                **Barcode medication administration** (BCMA) checks the five rights at the bedside.

                ## Workflow
                The nurse scans the patient's wristband and the medication.[^poon]

                ## Evidence
                Error rates fell after BCMA with an [[Electronic medication administration record]].

                ## Workarounds
                Staff sometimes scan copies of wristbands.

                [^poon]: Poon EG, et al. Effect of bar-code technology on the safety of medication administration. N Engl J Med. 2010.

                [[Category:Medication safety]]
                """, editor);
        wiki.save("Category:Medication_safety", "Preventing medication errors.\n\n[[Category:Patient safety]]", editor);
        wiki.save("Category:Patient_safety", "Preventing harm.", editor);
        wiki.save("Smart_infusion_pumps", "Pumps with drug libraries.\n[[Category:Medication safety]]", editor);
        wiki.save("Allergy_alerts", "Alerts.\n[[Category:Medication safety]]", editor);
        wiki.awaitSearchable();
    }

    @Test
    void readAnArticleWithContentsReferencesAndCategories() {
        browser.go("/wiki/Barcode_medication_administration");
        assertThat(browser.find("h1").getText()).isEqualTo("Barcode medication administration");
        assertThat(browser.findAll(".toc a")).extracting(WebElement::getText)
                .containsExactly("Workflow", "Evidence", "Workarounds", "References");
        assertThat(browser.find("#references").getText()).isEqualTo("References");
        assertThat(browser.find(".article-body a.new").getText()).isEqualTo("Electronic medication administration record");
        String missing = browser.find(".article-body a.new").getCssValue("color");
        String present = browser.find(".toc a").getCssValue("color");
        assertThat(missing).isNotEqualTo(present);
        assertThat(browser.find(".last-edited").getText()).contains("writer Display", "(RN, nurse informaticist)");

        browser.find(".toc a[href='#evidence']").click();
        assertThat(browser.path()).endsWith("#evidence");
        browser.clickThrough(".categories a");
        assertThat(browser.find("h1").getText()).isEqualTo("Category:Medication safety");
    }

    @Test
    void browseACategoryWithSubcategoriesAndLetterGroups() {
        browser.go("/wiki/Category:Patient_safety");
        assertThat(browser.findAll("#cw-subcategories ~ .letter-groups a")).extracting(WebElement::getText)
                .containsExactly("Medication safety");
        browser.clickThrough(".letter-groups a");
        assertThat(browser.find("h1").getText()).isEqualTo("Category:Medication safety");
        assertThat(browser.findAll(".letter-group h3")).extracting(WebElement::getText).containsExactly("A", "B", "S");
        assertThat(browser.findAll(".category-listing .letter-group a")).extracting(WebElement::getText)
                .containsExactly("Allergy alerts", "Barcode medication administration", "Smart infusion pumps");
    }

    @Test
    void recentChangesAreGroupedByDayAndFilter() {
        browser.go("/special/recent-changes");
        assertThat(browser.find("h2.day").getText()).matches("\\w+day \\d{1,2} \\w+ \\d{4}");
        assertThat(browser.findAll(".changes li")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.find(".changes .size-change.grew").getCssValue("color")).isEqualTo("rgba(17, 99, 41, 1)");
        new Select(browser.find("#cw-namespace")).selectByValue("category");
        browser.clickThrough(".filters button");
        assertThat(browser.path()).contains("namespace=category");
        assertThat(browser.findAll(".change-page")).extracting(WebElement::getText).allMatch(text -> text.startsWith("Category:"));
    }

    @Test
    void searchBoxGoesStraightToAnExactTitle() {
        browser.go("/wiki/Main_Page");
        WebElement search = browser.find("input[type=search][name=q]");
        browser.submitWithEnter(search, "smart infusion pumps");
        assertThat(browser.find("h1").getText()).isEqualTo("Smart infusion pumps");
    }

    @Test
    void searchBoxSuggestsTitlesWhileTyping() {
        browser.go("/wiki/Main_Page");
        WebElement search = browser.find("input[type=search][name=q]");
        search.sendKeys("infusion");
        List<String> offered = browser.waitFor(driver -> {
            List<String> values = driver.findElements(By.cssSelector("#" + search.getAttribute("list") + " option"))
                    .stream().map(option -> option.getAttribute("value")).toList();
            return values.isEmpty() ? null : values;
        });
        assertThat(offered).containsExactly("Smart infusion pumps");
    }

    @Test
    void searchResultsHighlightMatchesAndFilterByCategory() {
        browser.go("/search?fulltext=1&q=wristband");
        WebElement hit = browser.find(".search-hits li");
        assertThat(hit.findElement(By.cssSelector(".search-hit-title")).getText()).isEqualTo("Barcode medication administration");
        assertThat(hit.findElement(By.cssSelector("mark")).getText()).isEqualToIgnoringCase("wristband");
        browser.go("/search?fulltext=1&q=medication");
        browser.clickThrough(".search-facets a");
        assertThat(browser.find(".search-facets strong").getText()).isEqualTo("Medication safety");
        assertThat(browser.findAll(".search-hits li")).isNotEmpty();
    }

    @Test
    void keyboardUserCanSkipToTheContent() {
        browser.go("/wiki/Barcode_medication_administration");
        browser.find("body").sendKeys(Keys.TAB);
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.isDisplayed()).isTrue();
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("cw-content");
    }

    @Test
    void pagesFitAPhoneWithoutSidewaysScrolling() {
        browser.resize(360, 800);
        for (String path : new String[] {"/wiki/Barcode_medication_administration", "/wiki/Barcode_medication_administration/history",
                "/wiki/Barcode_medication_administration/diff", "/wiki/Category:Medication_safety", "/special/recent-changes",
                "/special/all-pages", "/login", "/wiki/Nothing_here"}) {
            browser.go(path);
            long overflow = (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(path).isLessThanOrEqualTo(0);
        }
    }
}
