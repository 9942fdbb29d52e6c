package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The converter's specification by example: each {@code golden/NAME.wiki} converts to
 * {@code NAME.md} with the report {@code NAME.issues}, and the Markdown renders in Clinwiki.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change
 * (then read the diff, and bump {@link WikitextConverter#VERSION}).
 */
class GoldenTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/wikitext/golden");
    /** Pages converted under a title other than an article's, where the title matters. */
    private static final Map<String, String> TITLES = Map.of("talk", "Talk:Metformin", "template_page", "Template:Drug");
    private static final WikitextConverter CONVERTER = new WikitextConverter(SourceSite.defaults("Clinfowiki"));
    private static final Renderer RENDERER = new Renderer(new Sanitizer());

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".wiki"))
                    .map(name -> name.substring(0, name.length() - ".wiki".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsAsWritten(String name) throws IOException {
        String wikitext = Files.readString(DIRECTORY.resolve(name + ".wiki"));
        Conversion conversion = CONVERTER.convert(wikitext, TITLES.getOrDefault(name, "Metformin"));
        String issues = issues(conversion.issues());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DIRECTORY.resolve(name + ".md"), conversion.markdown());
            Files.writeString(DIRECTORY.resolve(name + ".issues"), issues);
        }
        assertThat(conversion.markdown()).isEqualTo(Files.readString(DIRECTORY.resolve(name + ".md")));
        assertThat(issues).isEqualTo(Files.readString(DIRECTORY.resolve(name + ".issues")));
        assertThatCode(() -> RENDERER.render(conversion.markdown())).doesNotThrowAnyException();
    }

    private static String issues(List<ConversionIssue> issues) {
        return issues.stream().map(issue -> issue.construct() + " -> " + issue.action() + (issue.count() > 1 ? " (" + issue.count()
                + "x)" : "") + "\n").collect(Collectors.joining());
    }
}
