package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator's day in Chromium: protect, delete and restore a page, block a vandal, change a role, read the log;
 * a new administrator changes the one-time password and approves an account.
 */
class AdministrationTest extends BrowserTestCase {

    private String vandal;
    private String editor;

    @BeforeAll
    void wiki() {
        wiki.login("ada", Role.ADMIN);
        editor = wiki.login("ed", Role.EDITOR);
        vandal = wiki.login("vandal", Role.EDITOR);
        wiki.save("Sepsis_bundle", "Give antibiotics within an hour.", editor);
        wiki.save("Old_draft", "An abandoned draft.", editor);
    }

    @Test
    void anAdministratorProtectsDeletesRestoresBlocksAndChangesRolesThenReadsTheLog() {
        browser.logIn("ada", TestWiki.PASSWORD);

        browser.go("/wiki/Sepsis_bundle");
        browser.clickThrough(".admin-link a");
        new Select(browser.find("#cw-edit-role")).selectByValue("admin");
        browser.find("#cw-protect-reason").sendKeys("dosing content, edit war");
        browser.clickThrough("form[action$='/protect'] button");
        assertThat(browser.find("[role=status]").getText()).isEqualTo("The page is protected.");
        long base = wiki.get("/api/v1/pages/Sepsis_bundle").json().path("revision").path("id").asLong();
        assertThat(wiki.put("/api/v1/pages/Sepsis_bundle", editor, json("markdown", "x", "baseRevisionId", base)).errorCode())
                .isEqualTo("protected");
        browser.go("/wiki/Sepsis_bundle");
        assertThat(browser.find(".notice.protected").getText()).contains("protected");

        browser.go("/wiki/Old_draft");
        browser.clickThrough(".admin-link a");
        browser.find("#cw-delete-reason").sendKeys("abandoned");
        browser.clickThrough("form[action$='/delete'] button");
        assertThat(browser.find("[role=status]").getText()).isEqualTo("The page is deleted.");
        assertThat(wiki.get("/api/v1/pages/Old_draft").status()).isEqualTo(404);
        assertThat(wiki.get("/wiki/Old_draft/history").status()).isEqualTo(404);
        browser.find("#cw-restore-reason").sendKeys("still useful");
        browser.clickThrough("form[action$='/restore'] button");
        assertThat(browser.find("[role=status]").getText()).isEqualTo("The page is restored.");
        assertThat(wiki.get("/api/v1/pages/Old_draft").status()).isEqualTo(200);

        browser.go("/special/contributions/vandal");
        browser.clickThrough(".admin-link a");
        browser.find("#cw-block-reason").sendKeys("link spam");
        browser.clickThrough("form[action$='/block'] button");
        assertThat(browser.find("[role=status]").getText()).isEqualTo("The account is blocked.");
        assertThat(wiki.put("/api/v1/pages/Spam", vandal, json("markdown", "buy now")).errorCode()).isEqualTo("blocked");

        browser.go("/special/user-admin/ed");
        new Select(browser.find("#cw-role")).selectByValue("reader");
        browser.find("#cw-role-reason").sendKeys("left the team");
        browser.clickThrough("form[action$='/role'] button");
        assertThat(browser.find("[role=status]").getText()).isEqualTo("The role is now reader.");
        assertThat(wiki.put("/api/v1/pages/After_demotion", editor, json("markdown", "x")).status())
                .as("takes effect on the next request").isEqualTo(403);

        browser.go("/special/audit");
        String log = browser.find(".audit-table").getText();
        assertThat(log).contains("protect", "dosing content, edit war", "delete", "abandoned", "restore", "still useful",
                "block", "link spam", "role_change", "left the team");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void aNewAdministratorChangesTheOneTimePasswordThenApprovesAnAccount() {
        String oneTime = wiki.wiki().users().createAdminWithOneTimePassword("chief");
        assertThat(wiki.post("/api/v1/register", "", json("username", "newnurse", "password", "a long and fine password",
                "displayName", "New Nurse", "credentials", "RN, BSN")).status()).isEqualTo(201);
        browser.logIn("newnurse", "a long and fine password");
        assertThat(browser.find("[role=alert]").getText()).contains("not approved");

        browser.logIn("chief", oneTime);
        assertThat(browser.path()).isEqualTo("/special/change-password");
        browser.go("/wiki/Sepsis_bundle");
        browser.clickThrough(".one-time-password a");
        assertThat(browser.path()).isEqualTo("/special/change-password");
        assertThat(browser.accessibilityProblems()).as("change password form").isEmpty();
        browser.find("#cw-current-password").sendKeys(oneTime);
        browser.find("#cw-new-password").sendKeys("a sound passphrase of my own");
        browser.find("#cw-repeat-password").sendKeys("a sound passphrase of my own");
        browser.clickThrough("form[action='/special/change-password'] button[type=submit]");
        assertThat(browser.find("[role=status]").getText()).contains("Your password is changed");
        assertThat(browser.findAll(".one-time-password")).isEmpty();
        assertThat(browser.accessibilityProblems()).as("password changed").isEmpty();
        assertThat(browser.consoleProblems()).isEmpty();

        browser.clickThrough(".site-user a[href='/special/pending-accounts']");
        assertThat(browser.find(".pending-accounts").getText()).contains("newnurse", "New Nurse", "RN, BSN");
        assertThat(browser.accessibilityProblems()).as("pending accounts").isEmpty();
        browser.clickThrough("form[action='/special/pending-accounts/newnurse/approve'] button");
        assertThat(browser.find("[role=status]").getText()).contains("newnurse", "can log in now");
        assertThat(browser.findAll("form[action='/special/pending-accounts/newnurse/approve']")).isEmpty();
        assertThat(browser.accessibilityProblems()).as("after approving").isEmpty();
        browser.clickThrough(".site-user form[action='/logout'] button");

        browser.logIn("newnurse", "a long and fine password");
        assertThat(browser.find(".user-name").getText()).isEqualTo("New Nurse");
        browser.clickThrough(".site-user form[action='/logout'] button");
        browser.logIn("chief", "a sound passphrase of my own");
        assertThat(browser.path()).as("no longer sent to change it").isEqualTo("/wiki/Main_Page");
        assertThat(browser.findAll(".one-time-password")).isEmpty();

        browser.resize(360, 800);
        for (String path : new String[] {"/wiki/Main_Page", "/special/pending-accounts", "/special/change-password"}) {
            browser.go(path);
            long overflow = (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("an administrator's header on a phone: " + path).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void nonAdministratorsCannotReachTheControls() {
        browser.logIn("vandal", TestWiki.PASSWORD);
        browser.go("/wiki/Sepsis_bundle");
        assertThat(browser.findAll(".admin-link")).isEmpty();
        browser.go("/special/page-admin?title=Sepsis_bundle");
        assertThat(browser.find("h1").getText()).doesNotContain("Administer");
        browser.go("/special/user-admin/ada");
        assertThat(browser.find("h1").getText()).doesNotContain("Administer");
    }
}
