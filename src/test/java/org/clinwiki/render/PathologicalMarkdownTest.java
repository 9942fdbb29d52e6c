package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.clinwiki.bench.HostileMarkdown;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text built to make a Markdown parser do the most work per byte, from the security review and
 * beyond: each is refused at once with {@code too_complex}, or renders in time roughly linear
 * in its size. Never a StackOverflowError. The one clock here is a generous cap on inputs that
 * took minutes before.
 */
class PathologicalMarkdownTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private final Renderer renderer = new Renderer(new Sanitizer());

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("quotes nested 50,000 deep", ">".repeat(50_000)),
                Arguments.of("lists nested 50,000 deep", "- ".repeat(50_000)),
                Arguments.of("numbered lists nested 10,000 deep", "1. ".repeat(10_000)),
                Arguments.of("a list indented a level more on every line", indentedList(2_000)),
                Arguments.of("500,000 underscores", "_".repeat(500_000)),
                Arguments.of("wiki brackets nested 50,000 deep", "[[".repeat(50_000) + "]]".repeat(50_000)),
                Arguments.of("images nested 10,000 deep", "![".repeat(10_000) + "](x)".repeat(10_000)),
                Arguments.of("backtick runs of 2,000 lengths", backticks(2_000)),
                Arguments.of("50,000 footnotes", HostileMarkdown.footnotes(50_000)),
                Arguments.of("100,000 headings", "# h\n".repeat(100_000)),
                Arguments.of("nested emphasis, 200,000 deep", HostileMarkdown.nestedEmphasis(200_000)),
                Arguments.of("50,000 reference links", HostileMarkdown.referenceLinks(50_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedAtOnceWhereverItComesIn(String name, String text) {
        for (Runnable entry : new Runnable[] {() -> renderer.render(text), () -> renderer.parse(text),
                () -> renderer.connections(text)}) {
            assertThatThrownBy(entry::run).isInstanceOf(TooComplexException.class)
                    .satisfies(e -> assertThat(((TooComplexException) e).code()).isEqualTo("too_complex"));
        }
    }

    static Stream<Arguments> rendered() {
        return Stream.of(
                Arguments.of("nested emphasis, 25,000 deep", (Supplier<String>) () -> HostileMarkdown.nestedEmphasis(25_000)),
                Arguments.of("20,000 reference links", (Supplier<String>) () -> HostileMarkdown.referenceLinks(20_000)),
                Arguments.of("40,000 distinct wiki links", (Supplier<String>) () -> wikiLinks(40_000)),
                Arguments.of("5,000 footnotes", (Supplier<String>) () -> HostileMarkdown.footnotes(5_000)),
                Arguments.of("50,000 unclosed strikethroughs", (Supplier<String>) () -> "~~a".repeat(50_000)),
                Arguments.of("100,000 autolinks", (Supplier<String>) () -> autolinks(100_000)),
                Arguments.of("a table of 20,000 rows", (Supplier<String>) () -> table(20_000)),
                Arguments.of("1 MB of '<'", (Supplier<String>) () -> "<".repeat(1_000_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendered")
    void renderedWithinAGenerousCap(String name, Supplier<String> input) {
        String text = input.get();
        long start = System.nanoTime();
        RenderedPage page = renderer.render(text);
        renderer.parse(text);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
        assertThat(page.html().html()).doesNotContain("<script");
    }

    @Test
    void realArticlesStayWellInsideTheLimits() {
        StringBuilder article = new StringBuilder();
        for (int section = 0; section < 400; section++) {
            article.append("## Section ").append(section).append("\n\n")
                    .append("Computerized provider order entry reduces errors[^s").append(section).append("] in **most** ")
                    .append("settings; see [[Clinical decision support|CDS]] and [the review](https://example.org/").append(section)
                    .append(").\n\n")
                    .append("- level one\n  - level two\n    - level three\n      1. numbered\n\n")
                    .append("> A quoted guideline\n> > with a nested note\n\n")
                    .append("| Drug | Dose |\n|---|---|\n| insulin | `4 units` |\n\n")
                    .append("```\n").append("        deeply indented code ".repeat(3)).append("\n```\n\n")
                    .append("[^s").append(section).append("]: Author A. Title. Journal. 2020;").append(section).append(".\n\n");
        }
        RenderedPage page = renderer.render(article.toString());
        assertThat(page.headings()).hasSizeGreaterThan(400);
        assertThat(page.html().html()).contains("<table", "<blockquote", "<ol", "references");
    }

    @Test
    void anOldRevisionBeyondTheLimitsIsShownAsItsSource() {
        RenderedPage page = renderer.renderOrShowSource(">".repeat(5_000) + " <b>bold</b>", Title.parse("Old"));
        assertThat(page.html().html()).contains("nested more than", "<pre>", "&lt;b&gt;").doesNotContain("<b>");
        assertThat(page.links()).isEmpty();
    }

    private static String indentedList(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(" ".repeat(2 * i)).append("- x\n");
        }
        return text.toString();
    }

    private static String backticks(int lengths) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lengths; i++) {
            text.append("`".repeat(i)).append('a');
        }
        return text.toString();
    }



    private static String wikiLinks(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("[[Page ").append(i).append("]] ");
        }
        return text.toString();
    }

    private static String autolinks(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("https://example.org/").append(i).append(' ');
        }
        return text.toString();
    }

    private static String table(int rows) {
        StringBuilder text = new StringBuilder("| Code | Meaning |\n|---|---|\n");
        for (int i = 0; i < rows; i++) {
            text.append("| ").append(i).append(" | meaning ").append(i).append(" |\n");
        }
        return text.toString();
    }
}
