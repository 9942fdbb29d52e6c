package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With JavaScript off, everything still works; the preview comes from the "Show preview" button. */
class NoScriptTest extends BrowserTestCase {

    @Override
    protected boolean javascript() {
        return false;
    }

    @BeforeAll
    void account() {
        wiki.login("carol", Role.EDITOR);
    }

    @Test
    void logInPreviewAndSaveWithoutJavaScript() {
        browser.logIn("carol", TestWiki.PASSWORD);
        browser.go("/wiki/No_script_page/edit");
        browser.find("#cw-markdown").sendKeys("Works *without* scripts.");
        browser.clickThrough("button[value=preview]");
        assertThat(browser.find("#cw-preview em").getText()).isEqualTo("without");
        assertThat(browser.find("#cw-markdown").getDomProperty("value")).isEqualTo("Works *without* scripts.");
        browser.clickThrough("button[value=save]");
        assertThat(browser.path()).isEqualTo("/wiki/No_script_page");
        assertThat(browser.find(".article-body em").getText()).isEqualTo("without");
    }
}
