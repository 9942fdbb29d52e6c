package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The renderer on random text made of the pieces Markdown and wiki syntax react to, hostile
 * HTML among them: it answers with sanitised HTML or refuses with {@code too_complex}, and
 * nothing else ever comes out of it.
 */
class RendererPropertiesTest {

    private static final List<String> PIECES = List.of("*", "**", "_", "__", "~~", "[", "]", "[[", "]]", "(", ")", "![", "](",
            "> ", "- ", "1. ", "# ", "## ", "|", "|---|", "`", "```", "[^1]", "[^1]: ", "[^x]", "\n", "\n\n", "    ", "\t",
            "text", "CPOE", "Category:", "[[Category:X]]", "#REDIRECT [[A]]\n", "<script>alert(1)</script>", "<img src=x onerror=y>",
            "javascript:alert(1)", "[x](javascript:alert(1))", "![i](data:text/html,x)", "<a href=\"//evil\">", "&#106;avascript:",
            "https://example.org/a", "<!--", "-->", "[TOC]", "---", "===", "\\", "&amp;", "\u0000", "é");

    private final Renderer renderer = new Renderer(new Sanitizer());

    @Provide
    Arbitrary<String> markdown() {
        return Arbitraries.oneOf(
                Arbitraries.of(PIECES).list().ofMaxSize(120).map(pieces -> String.join("", pieces)),
                Arbitraries.of(PIECES).list().ofMaxSize(12).map(pieces -> String.join("", pieces).repeat(60)),
                Arbitraries.strings().ofMaxLength(400));
    }

    private static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("href", "src", "srcset", "action", "formaction",
            "poster", "background", "cite", "xlink:href", "data");

    @Property(tries = 1500)
    void rendersSafeHtmlOrRefusesAsTooComplex(@ForAll("markdown") String text) {
        RenderedPage page;
        try {
            page = renderer.render(text);
            renderer.parse(text);
            renderer.connections(text);
        } catch (TooComplexException refused) {
            return;
        }
        for (Element element : Jsoup.parseBodyFragment(page.html().html()).body().getAllElements()) {
            assertThat(element.tagName()).isNotIn("script", "iframe", "object", "embed", "form", "svg", "style", "base");
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                // Only addresses are followed or loaded; alt and title text reading "javascript:" is shown, never run.
                if (URL_ATTRIBUTES.contains(attribute.getKey())) {
                    assertThat(attribute.getValue().strip().toLowerCase()).doesNotStartWith("javascript:").doesNotStartWith("data:")
                            .doesNotStartWith("vbscript:");
                }
            });
        }
    }

    @Property(tries = 500)
    void whatASaveStoresIsWhatAViewShows(@ForAll("markdown") String text) {
        try {
            RenderedPage page = renderer.render(text);
            ParsedPage parsed = renderer.parse(text);
            assertThat(parsed.links()).isEqualTo(page.links());
            assertThat(parsed.categories()).isEqualTo(page.categories());
            assertThat(renderer.connections(text)).isEqualTo(parsed.connections());
        } catch (TooComplexException refused) {
            // Refused the same way wherever it comes in; PathologicalMarkdownTest says so.
        }
    }
}
