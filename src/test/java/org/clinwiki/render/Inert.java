package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Checks rendered HTML as a browser would read it: no element or attribute that can run script or load from elsewhere. */
final class Inert {

    private Inert() {
    }

    static void assertInert(String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("script, style, iframe, object, embed, img, form, input, div, svg, math, link, meta, base"))
                .as("elements that run, load or restyle").isEmpty();
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("attribute of <%s>", element.tagName()).doesNotStartWith("on")
                        .isNotEqualTo("style").isNotEqualTo("src");
                assertThat(attribute.getValue().strip().toLowerCase()).as("value of %s", attribute.getKey())
                        .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
            }
        }
        assertThat(body.select("span.section-edit")).as("edit links only the renderer writes").isEmpty();
    }
}
