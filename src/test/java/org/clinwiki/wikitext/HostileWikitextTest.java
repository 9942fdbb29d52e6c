package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Other people's data, at its worst: unbalanced and deeply nested markup, unclosed tags, huge
 * runs. Each converts (never throws) to output of bounded size, in time close to linear: a
 * quadratic pass would not finish these in the test run. No clock is read.
 */
class HostileWikitextTest {

    private static final WikitextConverter CONVERTER = new WikitextConverter(SourceSite.defaults("Clinfowiki"));

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("100,000 [[", (Supplier<String>) () -> "[[".repeat(100_000)),
                Arguments.of("50,000 {{", (Supplier<String>) () -> "{{".repeat(50_000)),
                Arguments.of("50,000 }}", (Supplier<String>) () -> "}}".repeat(50_000)),
                Arguments.of("braces nested 50,000 deep", (Supplier<String>) () -> "{{a|".repeat(50_000) + "}}".repeat(50_000)),
                Arguments.of("links nested 50,000 deep", (Supplier<String>) () -> "[[".repeat(50_000) + "]]".repeat(50_000)),
                Arguments.of("parameters nested 20,000 deep", (Supplier<String>) () -> "{{{".repeat(20_000) + "}}}".repeat(20_000)),
                Arguments.of("10,000 unclosed <ref>", (Supplier<String>) () -> "text<ref>".repeat(10_000)),
                Arguments.of("refs nested 5,000 deep", (Supplier<String>) () -> "<ref>".repeat(5_000) + "x" + "</ref>".repeat(5_000)),
                Arguments.of("50,000 reused named refs", (Supplier<String>) () -> "<ref name=x/>".repeat(50_000)),
                Arguments.of("10,000 <nowiki> never closed", (Supplier<String>) () -> "a<nowiki>b".repeat(10_000)),
                Arguments.of("<!-- never closed", (Supplier<String>) () -> "a<!--b".repeat(10_000)),
                Arguments.of("list nested 10,000 deep", (Supplier<String>) () -> "*".repeat(10_000) + " deep\n"),
                Arguments.of("5,000 lines each a level deeper", (Supplier<String>) () -> deepeningList(5_000)),
                Arguments.of("{| never closed, 10,000 rows", (Supplier<String>) () -> "{|\n" + "|-\n| a || b\n".repeat(10_000)),
                Arguments.of("tables nested 5,000 deep", (Supplier<String>) () -> "{|\n|\n".repeat(5_000)),
                Arguments.of("huge spans", (Supplier<String>) () -> ("{|\n| rowspan=999999 colspan=999999 | x\n|-\n| y\n").repeat(200)),
                Arguments.of("100,000 '''''", (Supplier<String>) () -> "'''''".repeat(100_000)),
                Arguments.of("apostrophe runs of every length", (Supplier<String>) HostileWikitextTest::apostrophes),
                Arguments.of("50,000 [http://", (Supplier<String>) () -> "[http://x.org ".repeat(50_000)),
                Arguments.of("100,000 <b>", (Supplier<String>) () -> "<b>".repeat(100_000)),
                Arguments.of("blockquotes nested 1,000 deep", (Supplier<String>) () -> "<blockquote>".repeat(1_000) + "x"
                        + "</blockquote>".repeat(1_000)),
                Arguments.of("20,000 unclosed citations", (Supplier<String>) () -> "{{cite journal|title=".repeat(20_000)),
                Arguments.of("2 MiB on one line", (Supplier<String>) () -> "a".repeat(2 * 1024 * 1024)),
                Arguments.of("2 MiB of markup characters", (Supplier<String>) () -> noise(2 * 1024 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void convertsToBoundedOutput(String name, Supplier<String> input) {
        String wikitext = input.get();
        Conversion conversion = CONVERTER.convert(wikitext, "Hostile");
        assertThat(conversion.markdown()).isNotNull();
        assertThat(conversion.markdown().length()).isLessThanOrEqualTo(4 * wikitext.length() + 65_536);
        assertThat(conversion.issues().size()).isLessThanOrEqualTo(501);
        System.out.println(name + ": " + conversion.markdown().length() + " chars, " + conversion.issues().stream()
                .filter(issue -> issue.construct().equals("the whole page")).map(ConversionIssue::action).toList());
    }

    @Test
    void scriptsAndJavascriptLinksStayText() {
        String markdown = CONVERTER.convert("[javascript:alert(1) x] <script>alert(1)</script> <img src=x onerror=alert(1)>"
                + " [[javascript:alert(1)]] [//evil.example/x y]", "P").markdown();
        assertThat(markdown).contains("\\[javascript:alert(1) x\\]", "\\<script>", "\\<img src=x onerror=alert(1)>")
                .doesNotContain("(<javascript").doesNotContain("](javascript");
        String html = new Renderer(new Sanitizer()).render(markdown).html().html();
        assertThat(html).doesNotContain("<script", "<img", "href=\"javascript").contains("&lt;script&gt;");
    }

    @Test
    void nullAndEmptyInputConvertToEmptyPages() {
        assertThat(CONVERTER.convert(null, null).markdown()).isEmpty();
        assertThat(CONVERTER.convert("", "").markdown()).isEmpty();
        assertThat(CONVERTER.convert("\n\n  \n", "X").markdown()).isEmpty();
    }

    @Test
    void tokenCharactersInTheInputCannotForgeStashedPieces() {
        String forged = "\uF8F0" + "0" + "\uF8F1 and \uE000references\uE000 <nowiki>x</nowiki>";
        assertThatCode(() -> CONVERTER.convert(forged, "P")).doesNotThrowAnyException();
        assertThat(CONVERTER.convert(forged, "P").markdown()).doesNotContain("\uF8F0", "\uE000").contains("\uFFFD");
    }

    private static String deepeningList(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append("*".repeat(i)).append(" item\n");
        }
        return text.toString();
    }

    private static String apostrophes() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < 400; i++) {
            text.append("'".repeat(i)).append('x');
        }
        return text.toString();
    }

    /** Random wikitext punctuation, seeded: every construct opened and closed at random. */
    private static String noise(int length) {
        String alphabet = "[]{}|'<>=*#:;!-_&~ \n\nabc/";
        String[] words = {"<ref>", "</ref>", "<ref name=a/>", "{|", "|}", "|-", "||", "<nowiki>", "http://x.org", "[[File:",
            "{{cite web|", "<!--", "-->", "&amp;", "<pre>", "</pre>", "__TOC__", "<math>", "<blockquote>"};
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length + 32);
        while (text.length() < length) {
            if (random.nextInt(8) == 0) {
                text.append(words[random.nextInt(words.length)]);
            } else {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }
}
