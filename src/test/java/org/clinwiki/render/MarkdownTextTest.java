package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTextTest {

    private final Renderer renderer = new Renderer(new Sanitizer());

    private String html(String markdown) {
        return renderer.render(markdown).html().html();
    }

    private String shownText(String markdown) {
        return Jsoup.parseBodyFragment(html(markdown)).body().text();
    }

    @Test
    void asciiPunctuationGetsABackslash() {
        assertThat(MarkdownText.escape("*bold* [x](y) `c` <b> #1 |a| ~~s~~ \\"))
                .isEqualTo("\\*bold\\* \\[x\\]\\(y\\) \\`c\\` \\<b\\> \\#1 \\|a\\| \\~\\~s\\~\\~ \\\\");
    }

    @Test
    void lettersDigitsAndNonAsciiTextStayAsTheyAre() {
        assertThat(MarkdownText.escape("Müller 2009 – ß 日本")).isEqualTo("Müller 2009 – ß 日本");
    }

    @Test
    void colonAtSignAndTheDotAfterWwwAreCharacterReferencesSoTheAutolinkerFindsNoUrl() {
        assertThat(MarkdownText.escape("https://x.org a@b.org WWW.x.org"))
                .isEqualTo("https&#58;\\/\\/x\\.org a&#64;b\\.org WWW&#46;x\\.org");
        assertThat(html(MarkdownText.escape("see https://evil.example/x, www.evil.example and a@evil.example")))
                .isEqualTo("<p>see https://evil.example/x, www.evil.example and a@evil.example</p>\n");
    }

    @Test
    void everyRunOfWhitespaceBecomesOneSpaceSoNothingStartsABlock() {
        assertThat(MarkdownText.escape("line1\n\n# heading")).isEqualTo("line1 \\# heading");
        assertThat(MarkdownText.escape("a \t\r\n b\u00a0\u2028c\u0000\u0085d")).isEqualTo("a b c d");
        assertThat(MarkdownText.escape("  ")).isEqualTo(" ");
        assertThat(html("x " + MarkdownText.escape("\n\n    code\n- item\n> quote\n***\n```")))
                .startsWith("<p>").doesNotContain("<pre", "<li", "<blockquote", "<hr", "<code");
    }

    /** What the reader sees is the value itself (whitespace collapsed), whatever Markdown it looks like. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[[Main Page]]", "[[Category:Spam]]", "<script>alert(1)</script>", "*bold* _it_ **strong**", "`code` ``x``",
        "{{cite web|title=x}}", "line1\n\n# heading", "[x](javascript:alert(1))", "![i](https://e.example/i.png)",
        "&amp; &#60; &lt;", "a\\*b\\", "[^1] [^a]: note", "| a | b |\n|---|---|", "~~gone~~", "1. one", "+ - = _ ~ ^",
        "https://e.example/?a=1&b=2", "<https://e.example>", "x@y.example", "www.e.example", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
    void renderedTextIsTheValueAsTyped(String value) {
        String html = html("Before " + MarkdownText.escape(value) + " after");
        assertThat(Jsoup.parseBodyFragment(html).body().text()).isEqualTo("Before " + value.replaceAll("\\s+", " ") + " after");
        assertThat(html).startsWith("<p>").doesNotContain("<a ", "<em", "<strong", "<code", "<del", "<img", "<script", "<table", "<sup");
    }

    @Test
    void escapedTextInsideALinkLabelStaysOneLink() {
        String markdown = "[" + MarkdownText.escape("see ]](x) [[Main Page]] https://e.example") + "]("
                + MarkdownText.linkDestination("https://e.example/") + ")";
        assertThat(html(markdown)).containsOnlyOnce("<a ").doesNotContain("wikilink");
        assertThat(shownText(markdown)).isEqualTo("see ]](x) [[Main Page]] https://e.example");
    }

    @Test
    void linkDestinationIsInAngleBracketsWithUnsafeCharactersPercentEncoded() {
        assertThat(MarkdownText.linkDestination("https://e.example/a b<c>d\\e\nf\tg"))
                .isEqualTo("<https://e.example/a%20b%3Cc%3Ed%5Ce%0Af%09g>");
        assertThat(MarkdownText.linkDestination("https://e.example/Müller/日\u007f"))
                .isEqualTo("<https://e.example/M%C3%BCller/%E6%97%A5%7F>");
    }

    @Test
    void linkDestinationKeepsWhatUrlsNeedAsIs() {
        assertThat(MarkdownText.linkDestination("https://e.example/wiki/A_(b)?q=1&r=%20#s"))
                .isEqualTo("<https://e.example/wiki/A_(b)?q=1&r=%20#s>");
    }

    @Test
    void linkDestinationRendersAsTheHref() {
        assertThat(html("[x](" + MarkdownText.linkDestination("https://e.example/A_(b) c?q=1&r=2") + ")"))
                .contains("href=\"https://e.example/A_(b)%20c?q=1&amp;r=2\"");
    }
}
