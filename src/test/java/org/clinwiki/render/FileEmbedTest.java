package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;

/** Files shown in pages as MediaWiki writes them: figures, sizes, alignment, links, captions, and missing files. */
class FileEmbedTest {

    private final Renderer renderer = new Renderer(new Sanitizer());
    private static final Title PNG = Title.parse("File:Order entry.png");
    private static final Title SVG = Title.parse("File:Workflow.svg");
    private static final Title PDF = Title.parse("File:Policy.pdf");
    private static final Map<Title, EmbeddedFile> FILES = Map.of(
            PNG, new EmbeddedFile(PNG, 7, EmbeddedFile.Kind.RASTER, 1200, 800),
            SVG, new EmbeddedFile(SVG, 8, EmbeddedFile.Kind.VECTOR, 400, 300),
            PDF, new EmbeddedFile(PDF, 9, EmbeddedFile.Kind.DOCUMENT, 0, 0));

    private String shown(String markdown) {
        return EmbedFill.fill(renderer.render(markdown).html(), FILES).html();
    }

    @Test
    void aThumbIsAFigureWithCaptionSizeAndDenseSources() {
        String html = shown("Text before.\n\n[[File:Order entry.png|thumb|right|The *order* screen, see [[CPOE]]]]\n\nAfter.");
        assertThat(html).contains("<figure class=\"embed thumb align-right\"><a href=\"/wiki/File:Order_entry.png\" class=\"file-link\" aria-label=\"File: Order entry.png\">"
                        + "<img src=\"/files/Order_entry.png?version=7&amp;width=220\" srcset=\"/files/Order_entry.png?version=7&amp;width=400 1.5x, "
                        + "/files/Order_entry.png?version=7&amp;width=500 2x\" width=\"220\" height=\"147\" loading=\"lazy\" decoding=\"async\" alt=\"\"></a>"
                        + "<figcaption>The <em>order</em> screen, see <a href=\"/wiki/CPOE\" class=\"wikilink\">CPOE</a></figcaption></figure>")
                .doesNotContain("<p></p>", "data-file");
        assertThat(renderer.parse("[[File:Order entry.png|thumb|See [[CPOE]]]]").links()).contains(PNG, Title.parse("CPOE"));
    }

    @Test
    void sizesUprightAndFramesAsMediaWikiReadsThem() {
        assertThat(shown("[[File:Order entry.png|200px|right]]")).contains("<figure class=\"embed align-right\">", "width=\"200\" height=\"133\"");
        assertThat(shown("[[File:Order entry.png|x100px]]")).contains("width=\"150\" height=\"100\"");
        assertThat(shown("[[File:Order entry.png|thumb|upright]]")).contains("width=\"170\"");
        assertThat(shown("[[File:Order entry.png|frame|Whole]]")).contains("width=\"1200\" height=\"800\"").doesNotContain("srcset");
        assertThat(shown("[[File:Order entry.png|5000px]]")).as("never upscaled").contains("width=\"1200\"");
        assertThat(shown("[[File:Workflow.svg|800px]]")).as("vectors scale up").contains("width=\"800\" height=\"600\"")
                .doesNotContain("srcset", "&amp;width=");
    }

    @Test
    void altLinkAndBorder() {
        String html = shown("[[File:Order entry.png|border|alt=Screenshot of CPOE|link=Computerized provider order entry|Caption]]");
        assertThat(html).contains("class=\"embed border\"", "href=\"/wiki/Computerized_provider_order_entry\" class=\"wikilink\"",
                "alt=\"Screenshot of CPOE\"", "title=\"Screenshot of CPOE\"");
        assertThat(shown("[[File:Order entry.png|link=]]")).doesNotContain("<a ").contains("<img src=");
        assertThat(shown("[[File:Order entry.png|link=https://example.org/]]")).contains("href=\"https://example.org/\"", "external");
        assertThat(shown("[[File:Order entry.png|link=javascript:alert(1)]]")).doesNotContain("javascript");
    }

    @Test
    void searchReadsCaptionsNotPlaceholders() {
        String text = renderer.parse("Before [[File:Order entry.png|thumb|The order screen]] and HbA<sub>1c</sub> after.").text();
        assertThat(text).contains("The order screen", "HbA1c").doesNotContain("x-figure", "data-n", "<sub>");
    }

    @Test
    void aCaptionMayShowAFileToo() {
        String html = shown("[[File:Order entry.png|thumb|The screen, beside [[File:Workflow.svg|20px]] the workflow]]");
        assertThat(html).contains("<figcaption>The screen, beside <span class=\"embed\">", "/files/Workflow.svg?version=8",
                "the workflow</figcaption>").doesNotContain("[[File");
        assertThat(renderer.parse("[[File:Order entry.png|thumb|x [[File:Workflow.svg|20px]]]]").links()).contains(PNG, SVG);
    }

    @Test
    void mediaLinksAndLinksToTheFilePage() {
        assertThat(shown("Read [[Media:Policy.pdf|the policy]]. See [[:File:Order entry.png]]."))
                .contains("<a href=\"/files/Policy.pdf\" class=\"media-link\">the policy</a>",
                        "<a href=\"/wiki/File:Order_entry.png\" class=\"wikilink\">File:Order entry.png</a>");
        assertThat(shown("[[File:Policy.pdf|thumb|Policy]]")).contains("<a href=\"/wiki/File:Policy.pdf\" class=\"file-link\">Policy.pdf</a>");
        assertThat(shown("[[Image:Order entry.png]]")).as("MediaWiki's old prefix").contains("version=7");
    }

    @Test
    void namesWithQuotesAndAccentsAreFoundAndReadable() {
        Title quoted = Title.parse("File:Nurse's chart.png");
        Map<Title, EmbeddedFile> files = Map.of(quoted, new EmbeddedFile(quoted, 3, EmbeddedFile.Kind.RASTER, 100, 50));
        assertThat(EmbedFill.fill(renderer.render("[[File:Nurse's chart.png]]").html(), files).html()).contains("version=3");
        assertThat(shown("[[File:Ünï nöpe.png|thumb|x]]")).contains(">File:Ünï nöpe.png</a>", "title=\"File:Ünï nöpe.png does not exist");
    }

    @Test
    void aMissingFileIsARedLinkToTheUploadForm() {
        String html = shown("[[File:Missing scan.jpg|thumb|Not yet]] and [[Media:Gone.pdf]]");
        assertThat(html).contains("<a href=\"/special/upload?name=Missing_scan.jpg\" class=\"new\"",
                "<a href=\"/special/upload?name=Gone.pdf\" class=\"media-link new\"").doesNotContain("<img");
    }

    @Test
    void codeAndHostileInputStayInert() {
        assertThat(shown("`[[File:Order entry.png]]`\n\n```\n[[File:Order entry.png|thumb]]\n```")).doesNotContain("<img", "<figure");
        String hostile = shown("[[File:Order entry.png|alt=\"><script>alert(1)</script>|thumb|<img src=x onerror=alert(1)> \"onload=x]]"
                + "\n\n<x-figure data-n=\"9\">forged</x-figure> <img data-file=\"Order_entry.png\" data-box=\"1x1\">");
        var body = org.jsoup.Jsoup.parseBodyFragment(hostile).body();
        assertThat(body.select("script, iframe, object, embed, svg")).isEmpty();
        body.select("img").forEach(img -> assertThat(img.attr("src")).startsWith("/files/Order_entry.png?version=7"));
        body.getAllElements().forEach(element -> element.attributes().forEach(attribute ->
                assertThat(attribute.getKey()).doesNotStartWith("on")));
        assertThat(hostile).doesNotContain("<script", "<x-figure", "<img data-file");
    }
}
