package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.Visitor;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conditional requests, shared-cache rules and compression for page views. */
class HttpCachingTest extends WikiTestCase {

    private String editor;

    @BeforeAll
    void pages() {
        editor = wiki.login("cache", Role.EDITOR);
        wiki.save("Cached_article", "Links to [[Not yet written]].", editor);
        wiki.save("Long_article", "Medication reconciliation at every transition of care. ".repeat(80), editor);
    }

    private Response get(String path, String... headers) {
        var request = wiki.request(path, "");
        return wiki.send((headers.length == 0 ? request : request.headers(headers)).GET());
    }

    @Test
    void anonymousViewsCarryAnETagAndAnswer304WhileUnchanged() {
        Response first = get("/wiki/Cached_article");
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.header("Last-Modified")).endsWith("GMT");
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
        assertThat(first.header("Vary")).contains("Cookie");
        assertThat(first.header("Set-Cookie")).as("a shared cache keeps no page that sets cookies").isNull();

        Response again = get("/wiki/Cached_article", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/wiki/Cached_article", "If-None-Match", "W/\"other\", " + etag).status()).isEqualTo(304);
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() {
        Response get = get("/wiki/Cached_article");
        Response head = wiki.send(wiki.request("/wiki/Cached_article", "").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).startsWith("text/html");
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.header("Cache-Control")).isEqualTo(get.header("Cache-Control"));

        Response missing = wiki.send(wiki.request("/wiki/Never_written", "").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(missing.status()).isEqualTo(get("/wiki/Never_written").status()).isEqualTo(404);
        assertThat(wiki.send(wiki.request("/api/v1/pages/Never_written", "").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .status()).isEqualTo(404);
    }

    @Test
    void anEditOrANewLinkTargetChangesTheETag() {
        String before = get("/wiki/Cached_article").header("ETag");
        wiki.save("Not_yet_written", "Now it is.", editor);
        Response afterTarget = get("/wiki/Cached_article", "If-None-Match", before);
        assertThat(afterTarget.status()).as("the red link turned blue").isEqualTo(200);
        assertThat(afterTarget.body()).doesNotContain("class=\"wikilink new\"");

        String middle = afterTarget.header("ETag");
        wiki.save("Cached_article", "Edited text.", editor);
        Response afterEdit = get("/wiki/Cached_article", "If-None-Match", middle);
        assertThat(afterEdit.status()).isEqualTo(200);
        assertThat(afterEdit.body()).contains("Edited text.");
    }

    @Test
    void protectionShowsUpForAnonymousReadersAtOnce() {
        String admin = wiki.login("keeper", Role.ADMIN);
        wiki.save("Guarded_article", "Dosing content.", editor);
        assertThat(get("/wiki/Guarded_article").body()).doesNotContain("This page is protected");
        wiki.post("/api/v1/pages/Guarded_article/protection", admin, org.clinwiki.testing.TestWiki.json("edit", "admin"));
        assertThat(get("/wiki/Guarded_article").body()).contains("This page is protected");
    }

    @Test
    void answersCarryingSecretsAreNeverStored() {
        String admin = wiki.login("cacheadmin", Role.ADMIN);
        Response login = wiki.post("/api/v1/login", "", TestWiki.json("username", "cacheadmin", "password", TestWiki.PASSWORD));
        assertThat(login.header("Cache-Control")).as("the login answer holds a token").isEqualTo("no-store");
        for (String path : new String[] {"/api/v1/me", "/api/v1/me/sessions", "/api/v1/audit", "/api/v1/users",
                "/special/audit", "/special/user-admin/cache", "/wiki/Cached_article/edit"}) {
            assertThat(wiki.get(path, admin).header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        assertThat(get("/login").header("Cache-Control")).as("the login form holds a CSRF token").isEqualTo("no-store");
    }

    @Test
    void signedInViewsAreNeverStoredForOthers() {
        Visitor visitor = new Visitor(wiki);
        wiki.login("reader1", Role.READER);
        visitor.logIn("reader1");
        Response view = visitor.get("/wiki/Cached_article");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.header("Cache-Control")).as("it carries the user's CSRF token").isEqualTo("private, no-store");
        assertThat(view.header("ETag")).isNull();
        assertThat(view.body()).contains("reader1");
        assertThat(get("/wiki/Cached_article").body()).as("the anonymous copy has no user in it").doesNotContain("reader1");
    }

    @Test
    void htmlCssAndJsonAreCompressed() {
        assertThat(get("/wiki/Cached_article", "Accept-Encoding", "gzip").header("Content-Encoding")).isEqualTo("gzip");
        String css = wiki.get("/wiki/Cached_article").body().replaceAll("(?s).*href=\"(/static/wiki\\.[^\"]+\\.css)\".*", "$1");
        assertThat(get(css, "Accept-Encoding", "gzip").header("Content-Encoding")).isEqualTo("gzip");
        // Responses under Javalin's threshold (about 1.5 kB) are not worth compressing; a real page is above it.
        assertThat(get("/api/v1/pages/Long_article", "Accept-Encoding", "gzip").header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void theLoginFormStillGetsItsCsrfCookie() {
        assertThat(get("/login").header("Set-Cookie")).startsWith("cw_csrf=");
    }
}
