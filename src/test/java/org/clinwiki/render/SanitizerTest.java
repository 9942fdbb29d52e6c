package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hostile page text must come out inert: no script, no handlers, no dangerous URLs. */
class SanitizerTest {

    private final Renderer renderer = new Renderer(new Sanitizer());

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle/></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"/steal\"><input name=p></form>",
        "<style>body{display:none}</style>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<details open ontoggle=alert(1)>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    })
    void rawHtmlInMarkdownIsShownAsText(String hostile) {
        // Comments are the exception: they show nothing (see commentsShowNothing).
        String html = renderer.render(hostile + "\n\nafter").html().html();
        assertInert(html);
        assertThat(Jsoup.parseBodyFragment(html).text()).contains(hostile.substring(0, 6));
    }

    @Test
    void commentsShowNothing() {
        String html = renderer.render("<!--><img src=x onerror=alert(1)>-->\n\nbefore <!-- <script>alert(1)</script> --> after").html().html();
        assertInert(html);
        assertThat(html).doesNotContain("img", "script").contains("before  after");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;avascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[[javascript:alert(1)]]",
        "[[javascript:alert(1)|click]]",
        "[x](\"onmouseover=alert(1) \")",
        "[x](https://example.org\" onmouseover=\"alert(1))",
    })
    void dangerousUrlsAreRemoved(String hostile) {
        assertInert(renderer.render(hostile).html().html());
    }

    @Test
    void hostileTextInLabelsHeadingsTablesAndFootnotesStaysText() {
        String html = renderer.render("""
                # <img src=x onerror=alert(1)>

                [[Page|<script>alert(1)</script>]]

                | <svg onload=alert(1)> | b |
                |---|---|
                | <iframe> | c |

                note[^x]

                [^x]: <script>alert(2)</script>
                """).html().html();
        assertInert(html);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void wikiLinkTitlesWithQuotesCannotBreakOutOfTheAttribute() {
        String html = renderer.render("[[A\" onmouseover=\"alert(1)]]").html().html();
        assertInert(html);
        assertThat(html).contains("href=\"/wiki/A%22_onmouseover%3D%22alert(1)\"");
    }

    @Test
    void safeLinksSurvive() {
        String html = renderer.render("[a](https://example.org) [b](mailto:x@example.org) [c](/wiki/CPOE) [d](#top)").html().html();
        assertThat(html).contains("href=\"https://example.org\"", "href=\"mailto:x@example.org\"", "href=\"/wiki/CPOE\"", "href=\"#top\"");
    }

    @Test
    void sanitizerRemovesWhatRenderingCouldNeverProduce() {
        String html = new Sanitizer().clean("<p onclick=\"x()\" style=\"color:red\">hi</p><script>x()</script><a href=\"javascript:x()\">l</a>").html();
        assertThat(html).isEqualTo("<p>hi</p><a>l</a>");
    }

    static void assertInert(String html) {
        var document = Jsoup.parseBodyFragment(html);
        assertThat(document.select("script, style, iframe, object, embed, form, input, svg, math, base, meta, link, noscript")).isEmpty();
        for (Element element : document.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                String value = attribute.getValue().toLowerCase().replaceAll("\\s", "");
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            });
        }
    }

    @Test
    void imagesFromOtherSitesBecomeLinksUnlessTheOperatorAllowedTheHost() {
        String tracking = new Sanitizer().clean("<p><img src=\"https://attacker.example/p.png\" alt=\"chart\"></p>").html();
        assertThat(tracking).doesNotContain("<img").contains("<a href=\"https://attacker.example/p.png\"").contains(">chart</a>")
                .contains("rel=\"nofollow noopener noreferrer\"");
        assertThat(new Sanitizer().clean("<img src=\"//attacker.example/p.png\">").html()).doesNotContain("<img");
        assertThat(new Sanitizer().clean("<img src=\"/static/favicon.svg\" alt=\"logo\">").html()).contains("<img");
        Sanitizer allowing = new Sanitizer(List.of("images.example.org"));
        assertThat(allowing.clean("<img src=\"https://images.example.org/ecg.png\">").html()).contains("<img");
        assertThat(allowing.clean("<img src=\"http://images.example.org/ecg.png\">").html()).as("only over HTTPS").doesNotContain("<img");
        assertThat(allowing.clean("<a href=\"https://x.example/\"><img src=\"https://y.example/i.png\" alt=\"i\"></a>").html())
                .doesNotContain("<img").doesNotContain("<a href=\"https://y.example");
    }
}
