package org.clinwiki.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An uploaded SVG is served from our origin and may be opened directly, so what comes out of the
 * sanitiser must only draw: no script, no event handler, no link that runs or fetches anything.
 * Drawings themselves survive; files that cannot be cleaned by removal are refused with a 415.
 */
class SvgSanitizerTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private final SvgSanitizer sanitizer = new SvgSanitizer();

    // --- Drawings survive ---

    @Test
    void aCleanDiagramKeepsItsShapesGradientAndText() {
        String diagram = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- exported by a drawing tool -->
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">
                  <defs>
                    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
                      <stop offset="0" stop-color="#8cf"/>
                      <stop offset="1" stop-color="#fff" stop-opacity="0.5"/>
                    </linearGradient>
                    <marker id="arrow" markerWidth="10" markerHeight="10" refX="5" refY="5" orient="auto">
                      <path d="M0,0 L10,5 L0,10 z"/>
                    </marker>
                  </defs>
                  <rect width="200" height="100" fill="url(#sky)"/>
                  <g transform="translate(10, 20) rotate(5)" stroke="black" stroke-width="2">
                    <path d="M 10 10 L 90 90" marker-end="url(#arrow)"/>
                    <circle cx="50" cy="50" r="20" style="fill: rgb(200, 0, 0); stroke-dasharray: 4 2"/>
                  </g>
                  <text x="100" y="50" font-family="Arial" text-anchor="middle">Heart &amp; lungs<tspan dy="12">2024</tspan></text>
                  <use href="#arrow" xlink:href="#arrow" x="5"/>
                </svg>
                """;

        Document out = reparse(sanitize(diagram));

        assertThat(structure(out.child(0))).isEqualTo(
                "svg(defs(linearGradient(stop,stop),marker(path)),rect,g(path,circle),text(tspan),use)");
        assertThat(out.selectFirst("rect").attr("fill")).isEqualTo("url(#sky)");
        assertThat(out.selectFirst("path[marker-end]").attr("d")).isEqualTo("M 10 10 L 90 90");
        assertThat(out.selectFirst("g").attr("transform")).isEqualTo("translate(10, 20) rotate(5)");
        assertThat(out.selectFirst("circle").attr("style")).isEqualTo("fill: rgb(200, 0, 0); stroke-dasharray: 4 2");
        assertThat(out.selectFirst("stop[stop-opacity]").attr("stop-color")).isEqualTo("#fff");
        assertThat(out.selectFirst("text").text()).isEqualTo("Heart & lungs2024");
        assertThat(out.selectFirst("use").attr("href")).isEqualTo("#arrow");
        assertThat(out.selectFirst("use").attr("xlink:href")).isEqualTo("#arrow");
        assertInert(sanitize(diagram));
    }

    @Test
    void theOutputIsUtf8XmlInTheSvgNamespaceAndTheSameForTheSameInput() {
        String svg = OPEN + "<text x=\"1\" y=\"2\">Zürich → 東京</text></svg>";

        byte[] first = sanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).bytes();
        byte[] second = sanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).bytes();

        assertThat(first).isEqualTo(second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("Zürich → 東京");
    }

    @Test
    void anSvgWithoutNamespaceDeclarationIsReadAsSvg() {
        String out = sanitize("<svg width=\"10\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>");

        assertThat(out).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<rect width=\"5\" height=\"5\"/>");
    }

    // --- What runs script goes ---

    @Test
    void scriptElementsAreRemovedWithTheirContent() {
        String out = sanitize(OPEN + "<script>alert(1)</script><g><script type=\"text/javascript\"><![CDATA[alert(2)]]></script></g></svg>");

        assertThat(reparse(out).select("script")).isEmpty();
        assertThat(out).doesNotContain("alert");
    }

    @Test
    void eventHandlersAreRemovedOnEveryElementWhateverTheirCase() {
        String out = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\" OnLoad=\"alert(2)\">"
                + "<g onclick=\"alert(3)\"><rect width=\"1\" height=\"1\" onmouseover=\"alert(4)\" ONFOCUSIN=\"alert(5)\"/></g></svg>");

        assertThat(out).doesNotContainIgnoringCase("alert").doesNotContainIgnoringCase(" on");
        assertThat(reparse(out).select("rect")).hasSize(1);
    }

    @Test
    void foreignObjectIsRemovedWithTheHtmlInside() {
        String out = sanitize(OPEN + "<foreignObject width=\"100\" height=\"100\"><body xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<iframe src=\"javascript:alert(1)\"/><p>hello</p></body></foreignObject><circle r=\"1\"/></svg>");

        assertThat(structure(reparse(out).child(0))).isEqualTo("svg(circle)");
        assertThat(out).doesNotContain("hello");
    }

    @Test
    void linksAreUnwrappedSoTheirDrawingStaysButTheLinkGoes() {
        String out = sanitize(OPEN + "<a xlink:href=\"javascript:alert(1)\"><text x=\"1\" y=\"1\">click me</text></a>"
                + "<a href=\"https://example.org/\"><rect width=\"1\" height=\"1\"/></a></svg>");

        assertThat(structure(reparse(out).child(0))).isEqualTo("svg(text,rect)");
        assertThat(out).doesNotContain("javascript").doesNotContain("example.org").contains("click me");
    }

    @Test
    void animationIsRemovedBecauseItCanRewriteAttributesIntoScript() {
        String out = sanitize(OPEN + "<a><animate attributeName=\"href\" to=\"javascript:alert(1)\" begin=\"0s\"/><text>x</text></a>"
                + "<rect width=\"1\" height=\"1\"><set attributeName=\"onmouseover\" to=\"alert(1)\"/>"
                + "<animateTransform attributeName=\"transform\" type=\"rotate\" from=\"0\" to=\"90\" dur=\"1s\"/>"
                + "<animateMotion path=\"M0,0 L10,10\" dur=\"1s\"/></rect></svg>");

        assertThat(structure(reparse(out).child(0))).isEqualTo("svg(text,rect)");
        assertThat(out).doesNotContain("javascript").doesNotContain("alert");
    }

    // --- What fetches goes ---

    @Test
    void useKeepsAReferenceIntoTheDocumentButNotOneOutOfIt() {
        Document out = reparse(sanitize(OPEN + "<use id=\"far\" href=\"http://evil.example/x.svg#a\" xlink:href=\"//evil.example/y.svg#a\"/>"
                + "<use id=\"near\" href=\"#a\"/></svg>"));

        assertThat(out.getElementById("far").attributes().asList()).extracting(Attribute::getKey).containsExactly("id");
        assertThat(out.getElementById("near").attr("href")).isEqualTo("#a");
    }

    @Test
    void embeddedImagesGoEvenWithTheirOwnPixels() {
        // A photo inside a drawing would keep its EXIF (where it was taken): no image survives, linked or inline.
        Document out = reparse(sanitize(OPEN + "<image id=\"tracker\" href=\"https://tracker.example/p.png\" width=\"1\" height=\"1\"/>"
                + "<image id=\"svg\" href=\"data:image/svg+xml;base64,PHN2Zy8+\" width=\"1\" height=\"1\"/>"
                + "<image id=\"inline\" xlink:href=\"" + PNG + "\" width=\"1\" height=\"1\"/><rect id=\"kept\"/></svg>"));

        assertThat(out.select("image")).isEmpty();
        assertThat(out.getElementById("kept")).isNotNull();
    }

    @Test
    void styleSheetsThatImportOrFetchAreRemoved() {
        String out = sanitize(OPEN + "<style>@import url(https://evil.example/a.css); rect { fill: red }</style>"
                + "<style>rect { fill: url(https://evil.example/p.svg#p) }</style>"
                + "<style>rect { fill: u\\72l(https://evil.example/p.svg#p) }</style>"
                + "<style>circle { stroke: blue; fill: url(#grad) }</style>"
                + "<rect width=\"1\" height=\"1\" style=\"fill: green; background: url(http://evil.example/b.png); behavior: url(x.htc)\"/>"
                + "</svg>");

        assertThat(reparse(out).select("style")).extracting(Element::wholeText)
                .containsExactly("circle { stroke: blue; fill: url(#grad) }\n");
        assertThat(reparse(out).selectFirst("rect").attr("style")).isEqualTo("fill: green");
        assertThat(out).doesNotContain("evil.example").doesNotContain("@import").doesNotContain("htc");
    }

    @Test
    void attributeValuesMayOnlyReferToFragments() {
        Document out = reparse(sanitize(OPEN + "<rect id=\"r\" fill=\"url(http://evil.example/p.svg#p)\" stroke=\"url(#ok)\" "
                + "filter=\"url('#blur')\" mask=\"expression(alert(1))\"/></svg>"));

        Element rect = out.getElementById("r");
        assertThat(rect.hasAttr("fill")).isFalse();
        assertThat(rect.hasAttr("mask")).isFalse();
        assertThat(rect.attr("stroke")).isEqualTo("url(#ok)");
        assertThat(rect.attr("filter")).isEqualTo("url('#blur')");
    }

    @Test
    void editorNamespacesMetadataAndXmlBaseAreDropped() {
        String out = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\" "
                + "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:version=\"1.3\" xml:base=\"http://evil.example/\">"
                + "<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></metadata>"
                + "<sodipodi:namedview pagecolor=\"#fff\"/>"
                + "<g inkscape:label=\"Layer 1\" inkscape:groupmode=\"layer\"><path d=\"M0 0h1\"/></g></svg>");

        assertThat(structure(reparse(out).child(0))).isEqualTo("svg(g(path))");
        assertThat(out).doesNotContain("inkscape").doesNotContain("sodipodi").doesNotContain("evil.example");
    }

    @Test
    void processingInstructionsAndCommentsAreNotCopied() {
        String out = sanitize("<?xml-stylesheet type=\"text/css\" href=\"https://evil.example/a.css\"?>" + OPEN
                + "<!-- <script>alert(1)</script> --><rect width=\"1\" height=\"1\"/></svg>");

        assertThat(out).doesNotContain("evil.example").doesNotContain("alert").doesNotContain("<!--");
    }

    // --- Text stays text ---

    @Test
    void markupHiddenInCdataStaysTextAfterReparsing() {
        String out = sanitize(OPEN + "<text x=\"1\" y=\"1\"><![CDATA[</svg><script>alert(1)</script>]]></text></svg>");

        Document reparsed = reparse(out);
        assertThat(reparsed.select("script")).isEmpty();
        assertThat(reparsed.selectFirst("text").text()).isEqualTo("</svg><script>alert(1)</script>");
        assertThat(out).contains("&lt;/svg&gt;&lt;script&gt;");
    }

    // --- Refused ---

    @Test
    void aDoctypeWithEntitiesIsRefused() {
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY name \"expanded\">]>" + OPEN + "<text>&name;</text></svg>",
                "DOCTYPE");
        assertRefused("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">"
                + OPEN + "</svg>", "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = doctype + "]>" + OPEN + "<text>&lol9;</text></svg>";

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRefused(bomb, "DOCTYPE"));
    }

    @Test
    void aDoctypeHiddenInUtf16IsRefusedToo() {
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE svg [<!ENTITY x \"y\">]>" + OPEN + "&x;</svg>")
                .getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> sanitizer.sanitize(utf16)).isInstanceOf(UnsupportedFileException.class);
    }

    @Test
    void anHtmlDocumentIsRefused() {
        assertRefused("<!DOCTYPE html><html><body><svg onload=alert(1)></svg></body></html>", "DOCTYPE");
        assertRefused("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><svg xmlns=\"http://www.w3.org/2000/svg\"/></body></html>",
                "not an SVG image");
    }

    @Test
    void otherXmlIsRefusedEvenWhenItsRootIsCalledSvg() {
        assertRefused("<note><to>you</to></note>", "not an SVG image");
        assertRefused("<svg xmlns=\"http://www.w3.org/1999/xhtml\"/>", "not an SVG image");
        assertRefused("<x:svg xmlns:x=\"urn:other\"/>", "not an SVG image");
    }

    @Test
    void malformedXmlIsRefusedWithAReadableMessage() {
        assertRefused(OPEN + "<g></svg>", "not a well-formed SVG image");
        assertRefused("<svg onload=alert(1)>", "not a well-formed SVG image");
        assertRefused("", "not a well-formed SVG image");
        assertRefused("\u0000\u0001binary", "not a well-formed SVG image");
    }

    @Test
    void tooManyElementsOrTooDeepNestingIsRefused() {
        assertRefused(OPEN + "<g/>".repeat(100_001) + "</svg>", "at most 100000 elements");
        assertRefused(OPEN + "<g>".repeat(200) + "</g>".repeat(200) + "</svg>", "200 deep");
        assertThat(sanitize(OPEN + "<g>".repeat(199) + "</g>".repeat(199) + "</svg>")).contains("<g/>");
    }

    // --- Size ---

    @Test
    void theSizeComesFromWidthAndHeightInPixels() {
        assertThat(size("width=\"120\" height=\"80.6\"")).isEqualTo("120x81");
        assertThat(size("width=\"120px\" height=\" 40px \" viewBox=\"0 0 10 10\"")).isEqualTo("120x40");
    }

    @Test
    void otherwiseTheViewBoxGivesItOrItsProportions() {
        assertThat(size("viewBox=\"0 0 300 150\"")).isEqualTo("300x150");
        assertThat(size("width=\"100%\" height=\"100%\" viewBox=\"-10,-10,64.4,32\"")).isEqualTo("64x32");
        assertThat(size("width=\"600\" viewBox=\"0 0 300 150\"")).isEqualTo("600x300");
        assertThat(size("width=\"10em\" height=\"50\" viewBox=\"0 0 300 150\"")).isEqualTo("100x50");
    }

    @Test
    void aSizeTheFileDoesNotStateSensiblyIsUnknown() {
        assertThat(size("")).isEqualTo("0x0");
        assertThat(size("width=\"10cm\" height=\"5cm\"")).isEqualTo("0x0");
        assertThat(size("width=\"-10\" height=\"-5\"")).isEqualTo("0x0");
        assertThat(size("width=\"1000000\" height=\"10\"")).isEqualTo("0x0");
        assertThat(size("viewBox=\"0 0 0 10\"")).isEqualTo("0x0");
        assertThat(size("viewBox=\"0 0 abc 10\"")).isEqualTo("0x0");
    }

    // --- Known payloads ---

    static List<String> payloads() {
        String ns = "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
        return List.of(
                "<svg " + ns + " onload=\"alert(1)\"/>",
                "<svg onload=alert(1)>",
                "<svg " + ns + "><script xlink:href=\"data:,alert(1)\"/></svg>",
                "<svg " + ns + "><script><![CDATA[alert(1)]]></script></svg>",
                "<svg " + ns + "><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text x=\"20\" y=\"20\">click</text></a></svg>",
                "<svg " + ns + " xmlns:ev=\"http://www.w3.org/2001/xml-events\"><handler type=\"application/ecmascript\" ev:event=\"load\">alert(1)</handler></svg>",
                "<svg " + ns + "><foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"/></foreignObject></svg>",
                "<svg " + ns + "><use href=\"data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nYWxlcnQoMSknLz48L3N2Zz4=#x\"/></svg>",
                "<svg " + ns + "><style>@import url(https://evil.example/x.css);</style></svg>",
                "<svg " + ns + "><style>text { font-family: x; background-image: image-set(\"https://evil.example/x.png\" 1x) }</style></svg>",
                "<svg " + ns + "><image href=\"x\" onerror=\"alert(1)\"/></svg>",
                "<svg " + ns + "><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
                "<svg " + ns + " xml:base=\"javascript:alert(1)//\"><a href=\"#x\"><text>x</text></a><use xml:base=\"http://evil.example/\" href=\"#a\"/></svg>",
                "<svg " + ns + "><filter id=\"f\"><feImage href=\"http://evil.example/x.png\"/></filter></svg>",
                "<!DOCTYPE svg [<!ENTITY x \"&lt;script&gt;alert(1)&lt;/script&gt;\">]><svg " + ns + ">&x;</svg>",
                "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><svg " + ns + "><text>&xxe;</text></svg>",
                "<svg " + ns + "><a xlink:href=\"&#106;avascript:alert(1)\"><rect width=\"10\" height=\"10\"/></a></svg>",
                "<svg " + ns + "><use xlink:href=\"  javascript:alert(1)\"/><use href=\"#x&#10;javascript:alert(1)\"/></svg>",
                "<svg " + ns + " xmlns:html=\"http://www.w3.org/1999/xhtml\"><html:script>alert(1)</html:script><html:iframe src=\"javascript:alert(1)\"/></svg>",
                "<svg " + ns + " xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></svg>",
                "<svg " + ns + "><rect width=\"9\" height=\"9\" style=\"fill: u\\rl(javascript:alert(1)); -moz-binding: url(x.xml#b)\"/></svg>",
                "<?xml-stylesheet type=\"text/xsl\" href=\"data:text/xml,evil\"?><svg " + ns + "/>",
                "<svg " + ns + "><iframe src=\"javascript:alert(1)\"/><embed src=\"x.swf\"/><object data=\"x.html\"/></svg>",
                "<svg " + ns + "><text><tspan><![CDATA[<script>alert(1)</script>]]></tspan></text></svg>");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aKnownSvgAttackIsRefusedOrMadeInert(String payload) {
        Throwable refused = catchThrowable(() -> sanitizer.sanitize(payload.getBytes(StandardCharsets.UTF_8)));
        if (refused == null) {
            assertInert(sanitize(payload));
        } else {
            assertThat(refused).isInstanceOf(UnsupportedFileException.class);
        }
    }

    // --- Helpers ---

    private String sanitize(String svg) {
        return new String(sanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
    }

    private String size(String rootAttributes) {
        SanitizedSvg svg = sanitizer.sanitize(("<svg xmlns=\"http://www.w3.org/2000/svg\" " + rootAttributes + "/>")
                .getBytes(StandardCharsets.UTF_8));
        return svg.width() + "x" + svg.height();
    }

    private void assertRefused(String svg, String message) {
        assertThatThrownBy(() -> sanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedFileException.class).hasMessageContaining(message);
    }

    private static Document reparse(String xml) {
        return Jsoup.parse(xml, "", Parser.xmlParser());
    }

    /** Element names as nested parentheses: the shape of a drawing, whatever its attributes. */
    private static String structure(Element element) {
        String children = element.children().stream().map(SvgSanitizerTest::structure).collect(Collectors.joining(","));
        return element.tagName() + (children.isEmpty() ? "" : "(" + children + ")");
    }

    /** Nothing left that a browser would run or fetch, read as a browser's parser would read the bytes. */
    private static void assertInert(String xml) {
        Document document = reparse(xml);
        for (Element element : document.getAllElements()) {
            assertThat(element.normalName()).as("element").isNotIn("script", "foreignobject", "iframe", "embed", "object",
                    "handler", "animate", "set", "feimage", "a");
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute of <%s>", element.tagName()).doesNotStartWith("on").isNotEqualTo("xml:base");
                if (key.equals("href") || key.equals("xlink:href")) {
                    assertThat(value).as("link on <%s>", element.tagName()).matches("#.*|data:image/.*");
                }
                assertThat(value).as("%s on <%s>", key, element.tagName()).doesNotContain("javascript:")
                        .doesNotContainPattern("url\\(\\s*['\"]?[^#'\"\\s]");
            }
            if (element.normalName().equals("style")) {
                assertThat(element.wholeText().toLowerCase(Locale.ROOT)).doesNotContain("@import").doesNotContain("javascript:")
                        .doesNotContainPattern("url\\(\\s*['\"]?[^#'\"\\s]").doesNotContain("image-set");
            }
        }
        assertThat(xml).doesNotContain("<?xml-stylesheet").doesNotContain("<!DOCTYPE");
    }
}
