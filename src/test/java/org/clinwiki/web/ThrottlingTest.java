package org.clinwiki.web;

import org.clinwiki.limit.Limits;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.clinwiki.Config;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.user.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password guessing and save floods are slowed down with 429 and Retry-After; others are not affected. */
class ThrottlingTest {

    private static final Limits TIGHT = Limits.defaults().withLoginFailures(3, 6).withEditsPerMinute(5);

    @TempDir
    Path data;

    private TestWiki start() {
        return TestWiki.start(data, config -> config.withLimits(TIGHT));
    }

    private static Response login(TestWiki wiki, String name, String password) {
        return wiki.post("/api/v1/login", "", TestWiki.json("username", name, "password", password));
    }

    @Test
    void repeatedFailedLoginsForAnAccountAnswer429EvenWithTheRightPassword() {
        try (TestWiki wiki = start()) {
            wiki.login("victim", Role.EDITOR);
            wiki.login("bystander", Role.EDITOR);
            for (int i = 0; i < 3; i++) {
                assertThat(login(wiki, "victim", "wrong guess number " + i).status()).isEqualTo(401);
            }
            Response refused = login(wiki, "victim", TestWiki.PASSWORD);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("too_many_login_failures");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(login(wiki, "VICTIM", TestWiki.PASSWORD).status()).as("names ignore case").isEqualTo(429);
            assertThat(login(wiki, "bystander", TestWiki.PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void repeatedFailuresFromOneAddressAnswer429ForEveryAccount() {
        try (TestWiki wiki = start()) {
            wiki.login("carol", Role.EDITOR);
            for (int i = 0; i < 6; i++) {
                assertThat(login(wiki, "nobody" + i, "some password guess").status()).isEqualTo(401);
            }
            assertThat(login(wiki, "carol", TestWiki.PASSWORD).status()).isEqualTo(429);
        }
    }

    @Test
    void theLoginFormIsThrottledToo() {
        try (TestWiki wiki = start()) {
            wiki.login("dan", Role.EDITOR);
            for (int i = 0; i < 3; i++) {
                login(wiki, "dan", "not the password " + i);
            }
            Response form = wiki.get("/login");
            String csrf = form.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
            String cookie = form.header("Set-Cookie");
            Response page = wiki.send(HttpRequest.newBuilder(URI.create(wiki.baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", wiki.baseUrl())
                    .header("Cookie", cookie == null ? "" : cookie.split(";")[0])
                    .POST(HttpRequest.BodyPublishers.ofString("username=dan&password=" + TestWiki.encode(TestWiki.PASSWORD)
                            + "&csrf=" + TestWiki.encode(csrf))));
            assertThat(page.status()).isEqualTo(429);
            assertThat(page.body()).contains("Too many failed logins");
        }
    }

    @Test
    void savesBeyondTheRateAnswer429AndOtherEditorsCarryOn() {
        try (TestWiki wiki = start()) {
            String fast = wiki.login("fast", Role.EDITOR);
            String other = wiki.login("other", Role.EDITOR);
            for (int i = 0; i < 5; i++) {
                assertThat(wiki.put("/api/v1/pages/Flood_" + i, fast, TestWiki.json("markdown", "text " + i)).status()).isEqualTo(201);
            }
            Response refused = wiki.put("/api/v1/pages/Flood_5", fast, TestWiki.json("markdown", "one too many"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("too_many_edits");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(wiki.get("/api/v1/pages/Flood_5").status()).as("nothing saved").isEqualTo(404);
            assertThat(wiki.put("/api/v1/pages/Calm", other, TestWiki.json("markdown", "fine")).status()).isEqualTo(201);
        }
    }

    @Test
    void theChangePasswordFormCountsWrongCurrentPasswordsAsFailedLogins() {
        try (TestWiki wiki = start()) {
            wiki.login("stolen", Role.EDITOR);
            Visitor thief = new Visitor(wiki);
            thief.logIn("stolen");
            Response last = null;
            for (int i = 0; i < 4; i++) {
                last = thief.post("/special/change-password", null, "csrf", thief.formToken("/special/change-password"),
                        "currentPassword", "guess number " + i, "newPassword", "a password of my own", "repeatPassword", "a password of my own");
                if (i < 3) {
                    assertThat(last.status()).isEqualTo(401);
                }
            }
            assertThat(last.status()).isEqualTo(429);
            assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(Jsoup.parse(last.body()).select("[role=alert]").text()).contains("Too many wrong passwords");
            assertThat(Jsoup.parse(last.body()).select("#cw-new-password")).as("the form again").hasSize(1);
        }
    }
}
