package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinwiki.testing.TestWiki.json;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser sessions and forms over plain HTTP: cookies, CSRF tokens, Origin checks, persistence. */
class SessionTest {


    @Test
    void loginSetsAnHttpOnlySameSiteSessionCookieThatSurvivesARestart(@TempDir Path dataDir) {
        Visitor visitor;
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("nina", Role.EDITOR);
            visitor = new Visitor(wiki);
            String token = visitor.formToken("/login");
            Response login = visitor.post("/login", null, "csrf", token, "username", "nina", "password", TestWiki.PASSWORD);
            String cookie = login.headers().get("set-cookie").stream().filter(c -> c.startsWith("cw_session=")).findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
            assertThat(visitor.get("/wiki/Anything/edit").status()).isEqualTo(200);
        }
        try (TestWiki restarted = TestWiki.start(dataDir)) {
            Visitor same = new Visitor(restarted);
            same.csrf = visitor.csrf;
            same.session = visitor.session;
            Response edit = same.get("/wiki/Anything/edit");
            assertThat(edit.status()).isEqualTo(200);
            assertThat(edit.body()).contains("nina Display");
        }
    }

    @Test
    void sessionCookieIsSecureBehindHttps(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            Response page = wiki.send(wiki.request("/login", "").header("X-Forwarded-Proto", "https").GET());
            assertThat(page.header("set-cookie")).contains("Secure").contains("HttpOnly");
        }
    }

    @Test
    void formsWithoutTheTokenOrFromAnotherSiteAreRefused(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("omar", Role.EDITOR);
            Visitor visitor = new Visitor(wiki);
            visitor.logIn("omar");
            String token = visitor.formToken("/wiki/Forged/edit");

            Response noToken = visitor.post("/wiki/Forged/edit", null, "markdown", "forged", "action", "save");
            assertThat(noToken.status()).isEqualTo(403);
            Response wrongToken = visitor.post("/wiki/Forged/edit", null, "csrf", "cw_wrong", "markdown", "forged", "action", "save");
            assertThat(wrongToken.status()).isEqualTo(403);
            Response foreign = visitor.post("/wiki/Forged/edit", "https://evil.example", "csrf", token, "markdown", "forged", "action", "save");
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(wiki.get("/api/v1/pages/Forged").status()).isEqualTo(404);

            Response genuine = visitor.post("/wiki/Forged/edit", wiki.baseUrl(), "csrf", token, "markdown", "genuine", "action", "save");
            assertThat(genuine.status()).isEqualTo(303);
            assertThat(wiki.get("/api/v1/pages/Forged").json().path("markdown").asText()).isEqualTo("genuine");
        }
    }

    @Test
    void anEmptyTokenNeverMatches(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("uma", Role.EDITOR);
            Visitor visitor = new Visitor(wiki);
            visitor.logIn("uma");
            visitor.csrf = "";
            Response forged = visitor.post("/wiki/Csrf_test/edit", null, "csrf", "", "markdown", "pwned-empty", "action", "save");
            assertThat(forged.status()).isEqualTo(403);
            Visitor anonymous = new Visitor(wiki);
            assertThat(anonymous.post("/login", null, "csrf", "", "username", "uma", "password", TestWiki.PASSWORD).status())
                    .isEqualTo(403);
            assertThat(wiki.get("/api/v1/pages/Csrf_test").status()).isEqualTo(404);
        }
    }

    @Test
    void formTokensBelongToOneSessionAndChangeAtLogin(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("vera", Role.EDITOR);
            wiki.login("walt", Role.EDITOR);
            Visitor vera = new Visitor(wiki);
            vera.logIn("vera");
            Visitor walt = new Visitor(wiki);
            walt.logIn("walt");
            String waltsToken = walt.formToken("/wiki/Bound/edit");
            walt.csrf = vera.csrf;
            assertThat(vera.post("/wiki/Bound/edit", null, "csrf", waltsToken, "markdown", "x", "action", "save").status())
                    .as("another session's token").isEqualTo(403);

            String before = vera.formToken("/wiki/Bound/edit");
            String anonymousCookie = vera.csrf;
            vera.post("/logout", null, "csrf", before);
            assertThat(vera.csrf).as("the anonymous token is replaced at logout").isNotEqualTo(anonymousCookie);
            vera.logIn("vera");
            assertThat(vera.post("/wiki/Bound/edit", null, "csrf", before, "markdown", "x", "action", "save").status())
                    .as("a token from before the login").isEqualTo(403);
            String after = vera.formToken("/wiki/Bound/edit");
            assertThat(vera.post("/wiki/Bound/edit", null, "csrf", after, "markdown", "fresh", "action", "save").status())
                    .isEqualTo(303);
        }
    }

    @Test
    void theTokenLooksDifferentInEveryResponse(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("xena", Role.EDITOR);
            Visitor visitor = new Visitor(wiki);
            visitor.logIn("xena");
            String first = visitor.formToken("/wiki/Masked/edit");
            String second = visitor.formToken("/wiki/Masked/edit");
            assertThat(first).isNotEqualTo(second);
            assertThat(visitor.get("/search?q=" + first.substring(0, 8)).body()).doesNotContain(first, second);
            assertThat(visitor.post("/wiki/Masked/edit", null, "csrf", first, "markdown", "one", "action", "save").status())
                    .isEqualTo(303);
            String third = visitor.formToken("/wiki/Masked/edit");
            assertThat(visitor.post("/wiki/Masked/edit", null, "csrf", second, "markdown", "two", "action", "save",
                    "baseRevisionId", wiki.get("/api/v1/pages/Masked").json().path("revision").path("id").asText()).status())
                    .isEqualTo(303);
            assertThat(third).isNotIn(first, second);
        }
    }

    @Test
    void cookieAuthenticatedApiWritesMustComeFromThisSite(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("pia", Role.EDITOR);
            Visitor visitor = new Visitor(wiki);
            visitor.logIn("pia");
            String body = json("markdown", "via cookie");
            assertThat(visitor.api("PUT", "/api/v1/pages/Cookie_write", "https://evil.example", body).status()).isEqualTo(403);
            assertThat(visitor.api("PUT", "/api/v1/pages/Cookie_write", null, body).status()).isEqualTo(403);
            assertThat(wiki.get("/api/v1/pages/Cookie_write").status()).isEqualTo(404);
            assertThat(visitor.api("PUT", "/api/v1/pages/Cookie_write", wiki.baseUrl(), body).status()).isEqualTo(201);
        }
    }

    @Test
    void logoutEndsTheSessionOnTheServer(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("quinn", Role.EDITOR);
            Visitor visitor = new Visitor(wiki);
            visitor.logIn("quinn");
            String stolen = visitor.session;
            String token = visitor.formToken("/wiki/Main_Page");
            assertThat(visitor.post("/logout", null, "csrf", token).status()).isEqualTo(303);
            Visitor thief = new Visitor(wiki);
            thief.session = stolen;
            assertThat(thief.get("/wiki/Anything/edit").status()).isEqualTo(303);
        }
    }

    @Test
    void loginDoesNotRedirectToOtherSites(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            wiki.login("rosa", Role.EDITOR);
            for (String target : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
                Visitor visitor = new Visitor(wiki);
                String token = visitor.formToken("/login");
                Response login = visitor.post("/login", null, "csrf", token, "username", "rosa", "password", TestWiki.PASSWORD, "returnTo", target);
                assertThat(login.header("Location")).as(target).isEqualTo("/wiki/Main_Page");
            }
        }
    }

    @Test
    void staticFilesAreFingerprintedAndCachedForAYear(@TempDir Path dataDir) {
        try (TestWiki wiki = TestWiki.start(dataDir)) {
            Matcher css = Pattern.compile("href=\"(/static/wiki\\.[0-9a-f]{10}\\.css)\"").matcher(wiki.get("/login").body());
            assertThat(css.find()).isTrue();
            Response stylesheet = wiki.get(css.group(1));
            assertThat(stylesheet.status()).isEqualTo(200);
            assertThat(stylesheet.header("Content-Type")).startsWith("text/css");
            assertThat(stylesheet.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
            assertThat(wiki.get("/static/wiki.0000000000.css").status()).isEqualTo(404);
            assertThat(wiki.get("/static/nothing.js").status()).isEqualTo(404);
        }
    }
}
