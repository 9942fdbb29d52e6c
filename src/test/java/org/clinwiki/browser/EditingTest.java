package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An editor's flows in real Chromium: log in, edit with preview, resolve a conflict, compare, revert. */
class EditingTest extends BrowserTestCase {

    String bobToken;

    @BeforeAll
    void accounts() {
        wiki.login("alice", Role.EDITOR, "MD, CMIO");
        bobToken = wiki.login("bob", Role.EDITOR);
    }

    @Test
    void logInWithTheKeyboardAndComeBack() {
        browser.go("/wiki/Main_Page");
        browser.clickThrough(".site-user a");
        assertThat(browser.path()).startsWith("/login?returnTo=");
        browser.find("#cw-username").sendKeys("alice", Keys.TAB);
        browser.submitWithEnter(browser.driver().switchTo().activeElement(), TestWiki.PASSWORD);
        assertThat(browser.path()).isEqualTo("/wiki/Main_Page");
        assertThat(browser.find(".user-name").getText()).isEqualTo("alice Display");
    }

    @Test
    void wrongPasswordSaysSoAndKeepsTheName() {
        browser.logIn("alice", "not the right password");
        assertThat(browser.find(".notice.error").getText()).contains("Wrong user name or password");
        assertThat(browser.find("#cw-username").getDomProperty("value")).isEqualTo("alice");
    }

    @Test
    void editWithLivePreviewAndSave() {
        browser.logIn("alice", TestWiki.PASSWORD);
        browser.go("/wiki/Sepsis_screening");
        browser.clickThrough(".missing a.button");
        assertThat(browser.path()).isEqualTo("/wiki/Sepsis_screening/edit");
        WebElement editor = browser.find("#cw-markdown");
        editor.sendKeys("Sepsis screening uses **qSOFA** and links to [[Clinical decision support]].");
        browser.waitFor(driver -> browser.find("#cw-preview").getText().contains("qSOFA"));
        assertThat(browser.find("#cw-preview strong").getText()).isEqualTo("qSOFA");
        assertThat(browser.find("#cw-preview a.wikilink.new").getText()).isEqualTo("Clinical decision support");
        browser.find("#cw-summary").sendKeys("New article on screening");
        browser.clickThrough("button[value=save]");
        assertThat(browser.path()).isEqualTo("/wiki/Sepsis_screening");
        assertThat(browser.find(".article-body strong").getText()).isEqualTo("qSOFA");
        browser.clickThrough(".page-tabs a[href$='/history']");
        assertThat(browser.find(".history-table tbody tr").getText()).contains("New article on screening", "alice Display");
    }

    @Test
    void resolveAConflictWithoutLosingText() {
        long base = wiki.save("Alert_fatigue", "Alert fatigue is common.\n\nOverride rates exceed 90%.", bobToken)
                .path("revision").path("id").asLong();
        browser.logIn("alice", TestWiki.PASSWORD);
        browser.go("/wiki/Alert_fatigue/edit");
        // Bob saves a change to the same line while Alice is editing.
        wiki.put("/api/v1/pages/Alert_fatigue", bobToken, json("markdown",
                "Alert fatigue is very common.\n\nOverride rates exceed 90%.", "baseRevisionId", base, "summary", "bob's edit"));
        WebElement editor = browser.find("#cw-markdown");
        editor.clear();
        editor.sendKeys("Alert fatigue is common among prescribers.\n\nOverride rates exceed 90%.");
        browser.clickThrough("button[value=save]");

        assertThat(browser.find("#cw-conflict-heading").getText()).contains("Someone else changed this page");
        assertThat(browser.find(".conflict-theirs .diff").getText()).contains("very common");
        assertThat(browser.find("#cw-theirs").getDomProperty("value")).startsWith("Alert fatigue is very common.");
        assertThat(browser.find("#cw-markdown").getDomProperty("value")).startsWith("Alert fatigue is common among prescribers.");

        editor = browser.find("#cw-markdown");
        editor.clear();
        editor.sendKeys("Alert fatigue is very common among prescribers.\n\nOverride rates exceed 90%.");
        browser.find("#cw-summary").sendKeys("merged with bob");
        browser.clickThrough("button[value=save]");
        assertThat(browser.path()).isEqualTo("/wiki/Alert_fatigue");
        assertThat(browser.find(".article-body").getText()).startsWith("Alert fatigue is very common among prescribers.");
        assertThat(wiki.get("/api/v1/pages/Alert_fatigue/revisions").json().path("revisions")).hasSize(3);
    }

    @Test
    void compareTwoRevisionsSideBySideAndInline() {
        wiki.save("Compared_page", "Telehealth grew in 2020.\nSecond line.", bobToken);
        wiki.save("Compared_page", "Telehealth grew sharply in 2020.\nSecond line.", bobToken);
        wiki.save("Compared_page", "Telehealth grew sharply in 2020.\nSecond line.\nThird line.", bobToken);
        browser.go("/wiki/Compared_page/history");
        var rows = browser.findAll(".history-table tbody tr");
        rows.get(2).findElement(By.cssSelector("input[name=from]")).click();
        rows.get(0).findElement(By.cssSelector("input[name=to]")).click();
        browser.clickThrough("form.history button[type=submit]");
        assertThat(browser.path()).startsWith("/wiki/Compared_page/diff?").contains("from=").contains("to=");
        assertThat(browser.find(".diff ins").getText()).isEqualTo("sharply ");
        assertThat(browser.find(".diff-stats").getText()).contains("+2", "−1");
        browser.clickThrough(".diff-layout a");
        assertThat(browser.path()).contains("view=inline");
        assertThat(browser.findAll(".diff-inline .diff-added")).hasSize(2);
    }

    @Test
    void revertFromHistoryAfterConfirming() {
        wiki.save("Reverted_page", "Correct dose: 5 mg.", bobToken);
        wiki.save("Reverted_page", "Correct dose: 50 mg.", bobToken);
        browser.logIn("alice", TestWiki.PASSWORD);
        browser.go("/wiki/Reverted_page/history");
        browser.clickThrough(browser.findAll(".history-table a.button").getFirst());
        assertThat(browser.find("h1").getText()).contains("Revert");
        assertThat(browser.find(".diff").getText()).contains("50", "5");
        browser.find("#cw-revert-summary").sendKeys("dose typo");
        browser.clickThrough(".revert-form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/wiki/Reverted_page/history");
        assertThat(browser.find(".history-table tbody tr").getText()).contains("Reverted to revision", "dose typo", "alice Display");
        assertThat(wiki.get("/api/v1/pages/Reverted_page").json().path("markdown").asText()).isEqualTo("Correct dose: 5 mg.");
    }

    @Test
    void anonymousEditLeadsToLoginAndBack() {
        browser.go("/wiki/Main_Page");
        browser.clickThrough(".page-tabs a[href$='/edit']");
        assertThat(browser.path()).startsWith("/login?returnTo=%2Fwiki%2FMain_Page%2Fedit");
        browser.find("#cw-username").sendKeys("alice");
        browser.submitWithEnter(browser.find("#cw-password"), TestWiki.PASSWORD);
        assertThat(browser.path()).isEqualTo("/wiki/Main_Page/edit");
        assertThat(browser.find("#cw-markdown").isDisplayed()).isTrue();
    }

    @Test
    void logOutEndsTheSession() {
        browser.logIn("alice", TestWiki.PASSWORD);
        assertThat(browser.find(".user-name").isDisplayed()).isTrue();
        browser.clickThrough(".site-user button");
        assertThat(browser.findAll(".user-name")).isEmpty();
        browser.go("/wiki/Main_Page/edit");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void editWithTheKeyboardAlone() {
        wiki.save("Keyboard_page", "Typed by keyboard.", bobToken);
        browser.logIn("alice", TestWiki.PASSWORD);
        browser.go("/wiki/Keyboard_page");
        WebElement edit = browser.find(".page-tabs a[href$='/edit']");
        edit.sendKeys(Keys.ENTER);
        browser.waitFor(driver -> browser.path().endsWith("/edit"));
        WebElement editor = browser.find("#cw-markdown");
        editor.sendKeys(Keys.END, " Still typed by keyboard.");
        // Enter in the summary field submits the form with its first button, Save.
        browser.find("#cw-summary").sendKeys("keyboard edit");
        WebElement page = browser.find("html");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(ExpectedConditions.stalenessOf(page));
        assertThat(browser.path()).isEqualTo("/wiki/Keyboard_page");
        assertThat(browser.find(".article-body").getText()).isEqualTo("Typed by keyboard. Still typed by keyboard.");
    }
}
