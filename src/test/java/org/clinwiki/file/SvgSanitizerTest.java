package org.clinwiki.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Uploaded drawings keep their shapes and lose everything that could run or load. */
class SvgSanitizerTest {

    private final SvgSanitizer sanitizer = new SvgSanitizer();

    private String clean(String svg) {
        return new String(sanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
    }

    /** The output as a browser would see it: nothing that runs, no event handler, no link out of the file. */
    private static void assertInert(String svg) {
        Document document = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(document.select("script, foreignObject, iframe, embed, object, animate, set, handler, feImage")).isEmpty();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase()).as("on <%s>", element.tagName()).doesNotStartWith("on");
                if (attribute.getKey().endsWith("href")) {
                    assertThat(attribute.getValue()).matches("#.*|data:image/(png|jpeg|gif|webp);base64,.*");
                }
                assertThat(attribute.getValue().toLowerCase()).doesNotContain("javascript:", "url(http", "@import");
            }
        }
    }

    @Test
    void aDiagramKeepsItsShapesGradientsAndText() {
        String svg = clean("""
                <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#36c"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
                  <rect width="300" height="120" fill="url(#g)"/>
                  <path d="M10 10 L 290 110" stroke="black" stroke-width="2"/>
                  <text x="20" y="60" font-family="sans-serif">Order &amp; verify</text>
                </svg>""");
        Document document = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(document.select("linearGradient stop")).hasSize(2);
        assertThat(document.select("rect").attr("fill")).isEqualTo("url(#g)");
        assertThat(document.select("path").attr("d")).isEqualTo("M10 10 L 290 110");
        assertThat(document.select("text").text()).isEqualTo("Order & verify");
        assertThat(sanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).width()).isEqualTo(300);
    }

    @Test
    void scriptsHandlersAndForeignContentGo() {
        String svg = clean("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" OnLoad="alert(1)">
                  <script>alert(2)</script>
                  <g onclick="alert(3)"><circle r="5" onmouseover="alert(4)"/></g>
                  <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"/></body></foreignObject>
                  <a xlink:href="javascript:alert(5)"><text>click me</text></a>
                  <use href="http://evil.example/x.svg#a"/><use href="#a"/>
                  <image href="https://tracker.example/p.png"/>
                  <image href="data:image/png;base64,iVBORw0KGgo="/>
                  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
                  <style>rect { fill: blue }</style>
                  <animate attributeName="href" to="javascript:alert(6)"/>
                  <set attributeName="onmouseover" to="alert(7)"/>
                </svg>""");
        assertInert(svg);
        assertThat(svg).contains("<text>click me</text>", "href=\"#a\"", "data:image/png;base64,", "rect { fill: blue }")
                .doesNotContain("evil.example", "tracker.example", "alert");
    }

    @Test
    void textThatLooksLikeMarkupStaysText() {
        String svg = clean("<svg xmlns=\"http://www.w3.org/2000/svg\"><text><![CDATA[</svg><script>alert(1)</script>]]></text></svg>");
        assertInert(svg);
        assertThat(Jsoup.parse(svg, "", Parser.xmlParser()).select("text").text()).isEqualTo("</svg><script>alert(1)</script>");
    }

    @Test
    void documentTypesEntitiesAndNonDrawingsAreRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol2;</text></svg>";
        for (String refused : new String[] {laughs, "<html><body><svg/></body></html>", "<note>not a drawing</note>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>", ""}) {
            assertThatThrownBy(() -> clean(refused)).as(refused).isInstanceOf(UnsupportedFileException.class);
        }
    }

    @Test
    void theSizeComesFromTheAttributesOrTheViewBox() {
        assertThat(sanitizer.sanitize(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240px\" height=\"120.4\"/>")))
                .extracting(SvgSanitizer.SanitizedSvg::width, SvgSanitizer.SanitizedSvg::height).containsExactly(240, 120);
        assertThat(sanitizer.sanitize(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 640 480\"/>")))
                .extracting(SvgSanitizer.SanitizedSvg::width, SvgSanitizer.SanitizedSvg::height).containsExactly(640, 480);
        assertThat(sanitizer.sanitize(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9999999\"/>")).width()).isZero();
        assertThat(sanitizer.sanitize(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")).height()).isZero();
    }

    @Test
    void theSameDrawingCleansToTheSameBytes() {
        byte[] svg = bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" id=\"a\" class=\"b\"><rect width=\"1\"/></svg>");
        assertThat(sanitizer.sanitize(svg).bytes()).isEqualTo(sanitizer.sanitize(svg).bytes());
    }

    static Stream<String> knownAttacks() {
        return Stream.of(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><script xlink:href=\"https://evil/x.js\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text>x</text></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:ev=\"http://www.w3.org/2001/xml-events\"><handler ev:event=\"load\">alert(1)</handler></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"/></foreignObject></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+#x\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://evil/x.css);</style></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"x\" onerror=\"alert(1)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:base=\"javascript:alert(1)//\"><a href=\"x\"><text>x</text></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><filter><feImage href=\"https://evil/x.png\"/></filter></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(https://evil/track)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"behavior:url(x.htc)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"jav&#x09;ascript:alert(1)\"><text>x</text></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><animateTransform attributeName=\"transform\" onbegin=\"alert(1)\"/></svg>",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>");
    }

    @ParameterizedTest
    @MethodSource("knownAttacks")
    void knownAttacksAreRefusedOrMadeInert(String attack) {
        try {
            String svg = clean(attack);
            assertInert(svg);
            assertThat(svg).doesNotContain("alert", "evil", "passwd");
        } catch (UnsupportedFileException refused) {
            assertThat(refused.code()).isEqualTo("unsupported_file");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
