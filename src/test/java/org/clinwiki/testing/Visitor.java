package org.clinwiki.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.testing.TestWiki.Response;

/** A browser-like client: keeps the CSRF and session cookies it was given. */
public final class Visitor {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final TestWiki wiki;
    /** The CSRF cookie's value, as the browser would hold it. */
    public String csrf = "";
    /** The session cookie's value; empty when logged out. */
    public String session = "";

    public Visitor(TestWiki wiki) {
        this.wiki = wiki;
    }

    public Response get(String path) {
        Response response = wiki.send(wiki.request(path, "").header("Cookie", cookies()).GET());
        remember(response);
        return response;
    }

    public String formToken(String path) {
        Matcher matcher = CSRF_FIELD.matcher(get(path).body());
        return matcher.find() ? matcher.group(1) : "";
    }

    public Response post(String path, String origin, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = wiki.request(path, "").header("Cookie", cookies())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        Response response = wiki.send(request);
        remember(response);
        return response;
    }

    public Response api(String method, String path, String origin, String body) {
        HttpRequest.Builder request = wiki.request(path, "").header("Cookie", cookies())
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return wiki.send(request);
    }

    public void logIn(String name) {
        String token = formToken("/login");
        Response response = post("/login", null, "csrf", token, "username", name, "password", TestWiki.PASSWORD, "returnTo", "/special/all-pages");
        assertThat(response.status()).as(response.toString()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/special/all-pages");
    }

    private String cookies() {
        return "cw_csrf=" + csrf + (session.isEmpty() ? "" : "; cw_session=" + session);
    }

    private void remember(Response response) {
        for (String cookie : response.headers().getOrDefault("set-cookie", List.of())) {
            String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
            if (cookie.startsWith("cw_csrf=")) {
                csrf = value;
            } else if (cookie.startsWith("cw_session=")) {
                session = cookie.contains("Max-Age=0") || value.isEmpty() ? "" : value;
            }
        }
    }
}
