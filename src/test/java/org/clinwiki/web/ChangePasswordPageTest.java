package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Changing one's own password on the site, and the one-time password that must be changed first. */
class ChangePasswordPageTest extends WikiTestCase {

    private static final String PAGE = "/special/change-password";

    private static Response change(Visitor visitor, String current, String chosen, String repeated) {
        return visitor.post(PAGE, null, "csrf", visitor.formToken(PAGE), "currentPassword", current, "newPassword", chosen,
                "repeatPassword", repeated);
    }

    private static String alert(Response response) {
        return Jsoup.parse(response.body()).select("[role=alert]").text();
    }

    @Test
    void anonymousReadersAreSentToLogIn() {
        Response form = wiki.get(PAGE);
        assertThat(form.status()).isEqualTo(303);
        assertThat(form.header("Location")).isEqualTo("/login?returnTo=%2Fspecial%2Fchange-password");
    }

    @Test
    void everySignedInUserHasTheLinkAndTheForm() {
        wiki.login("reada", Role.READER);
        Visitor reader = new Visitor(wiki);
        reader.logIn("reada");
        Document page = Jsoup.parse(reader.get("/wiki/Main_Page").body());
        assertThat(page.select(".site-user a[href=" + PAGE + "]").text()).isEqualTo("Change password");
        Response form = reader.get(PAGE);
        assertThat(form.status()).isEqualTo(200);
        Document document = Jsoup.parse(form.body());
        assertThat(document.select("form[action=" + PAGE + "] input[name=csrf]").val()).isNotEmpty();
        assertThat(document.select("#cw-current-password, #cw-new-password, #cw-repeat-password")).hasSize(3);
        assertThat(Jsoup.parse(wiki.get("/wiki/Main_Page").body()).select("a[href=" + PAGE + "]"))
                .as("not for anonymous readers").isEmpty();
    }

    @Test
    void refusalsShowTheFormAgainWithTheApisStatus() {
        wiki.login("refused", Role.EDITOR);
        Visitor visitor = new Visitor(wiki);
        visitor.logIn("refused");

        Response wrong = change(visitor, "not my password at all", "a fresh long password", "a fresh long password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(alert(wrong)).isEqualTo("The current password is wrong.");
        assertThat(Jsoup.parse(wrong.body()).select("#cw-current-password").val()).as("passwords are never sent back").isEmpty();

        Response weak = change(visitor, TestWiki.PASSWORD, "password1234", "password1234");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(alert(weak)).contains("common password");

        Response mismatch = change(visitor, TestWiki.PASSWORD, "a fresh long password", "a fresh long passwort");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(alert(mismatch)).contains("differ");

        Response unchanged = change(visitor, TestWiki.PASSWORD, TestWiki.PASSWORD, TestWiki.PASSWORD);
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(alert(unchanged)).contains("must differ");

        assertThat(wiki.token("refused", TestWiki.PASSWORD)).as("still the old password").isNotEmpty();
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        wiki.login("forged", Role.EDITOR);
        Visitor visitor = new Visitor(wiki);
        visitor.logIn("forged");
        Response forged = visitor.post(PAGE, null, "currentPassword", TestWiki.PASSWORD, "newPassword", "a fresh long password",
                "repeatPassword", "a fresh long password");
        assertThat(forged.status()).isEqualTo(403);
        Response otherSite = visitor.post(PAGE, "https://evil.example", "csrf", visitor.formToken(PAGE),
                "currentPassword", TestWiki.PASSWORD, "newPassword", "a fresh long password", "repeatPassword", "a fresh long password");
        assertThat(otherSite.status()).isEqualTo(403);
        assertThat(wiki.token("forged", TestWiki.PASSWORD)).as("unchanged").isNotEmpty();
        assertThat(wiki.post(PAGE, "", "").status()).as("anonymous, without a token").isEqualTo(403);
    }

    @Test
    void aChangedPasswordEndsOtherSessionsButNotThisBrowsers() {
        String elsewhere = wiki.login("mover", Role.EDITOR);
        Visitor visitor = new Visitor(wiki);
        visitor.logIn("mover");

        Response changed = change(visitor, TestWiki.PASSWORD, "my new long password", "my new long password");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(Jsoup.parse(changed.body()).select("[role=status]").text()).contains("Your password is changed");

        assertThat(wiki.get("/api/v1/me", elsewhere).status()).as("other tokens revoked").isEqualTo(401);
        assertThat(Jsoup.parse(visitor.get("/wiki/Main_Page").body()).select(".user-name").text())
                .as("this browser stays logged in").isEqualTo("mover Display");
        assertThat(wiki.post("/api/v1/login", "", json("username", "mover", "password", TestWiki.PASSWORD)).status()).isEqualTo(401);
        assertThat(wiki.token("mover", "my new long password")).isNotEmpty();
    }

    @Test
    void anAdministratorWithAOneTimePasswordIsPointedToThePageFromEveryPage() {
        String oneTime = wiki.wiki().users().createAdminWithOneTimePassword("firstadmin");
        Visitor admin = new Visitor(wiki);
        Response login = admin.post("/login", null, "csrf", admin.formToken("/login"), "username", "firstadmin",
                "password", oneTime, "returnTo", "/special/audit");
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo(PAGE);

        for (String path : new String[] {"/wiki/Main_Page", "/special/audit", "/wiki/Main_Page/edit", "/special/recent-changes"}) {
            Response page = admin.get(path);
            assertThat(Jsoup.parse(page.body()).select(".one-time-password a[href=" + PAGE + "]")).as(path).hasSize(1);
        }
        Response refused = admin.get("/special/audit");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Change your one-time password before doing anything else.");

        Document form = Jsoup.parse(admin.get(PAGE).body());
        assertThat(form.select("main").text()).contains("one-time password");
        Response changed = change(admin, oneTime, "an administrator's own password", "an administrator's own password");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(Jsoup.parse(changed.body()).select(".one-time-password")).as("the notice is gone at once").isEmpty();
        assertThat(admin.get("/special/audit").status()).isEqualTo(200);
        assertThat(Jsoup.parse(admin.get("/wiki/Main_Page").body()).select(".one-time-password")).isEmpty();
    }
}
