package org.clinwiki.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** A running wiki and one headless Chromium for the tests of a class; each test starts logged out. */
@Tag("browser")
public abstract class BrowserTestCase extends WikiTestCase {

    protected Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(wiki.baseUrl(), javascript());
    }

    /** Whether the browser runs scripts; a class can turn them off to check pages work without. */
    protected boolean javascript() {
        return true;
    }

    @BeforeEach
    void freshSession() {
        browser.go("/static/wiki.css");
        browser.forgetCookies();
        browser.resize(1280, 900);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
