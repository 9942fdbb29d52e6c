package org.clinwiki.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;

/** The generated corpus is deterministic and looks like the wiki's real content. */
class CorpusTest {

    private static final int SIZE = 2_000;
    private final Renderer renderer = new Renderer(new Sanitizer());

    @Test
    void sameSeedSamePagesOtherSeedOtherPages() {
        assertThat(new Corpus(7).markdown(123, SIZE)).isEqualTo(new Corpus(7).markdown(123, SIZE));
        assertThat(new Corpus(7).markdown(123, SIZE)).isNotEqualTo(new Corpus(8).markdown(123, SIZE));
    }

    @Test
    void titlesAreDistinctWellPastTopicsTimesAspects() {
        Corpus corpus = new Corpus(1);
        Set<Title> titles = new HashSet<>();
        for (int i = 0; i < 25_000; i++) {
            titles.add(corpus.title(i));
        }
        assertThat(titles).hasSize(25_000);
    }

    @Test
    void articlesHaveTheShapeOfRealOnes() {
        Corpus corpus = new Corpus(42);
        int redirects = 0;
        int withHistory = 0;
        for (int i = 0; i < 200; i++) {
            String markdown = corpus.markdown(i, SIZE);
            ParsedPage parsed = renderer.parse(markdown);
            if (corpus.isRedirect(i)) {
                redirects++;
                assertThat(parsed.redirect()).as("page %d", i).isPresent();
                continue;
            }
            int words = markdown.split("\\s+").length;
            assertThat(words).as("words of page %d", i).isBetween(300, 3_400);
            assertThat(parsed.links().size()).as("links of page %d", i).isBetween(1, 30);
            assertThat(parsed.categories()).hasSizeBetween(1, 3);
            assertThat(parsed.headings()).isNotEmpty();
            if (!corpus.earlierVersions(i, SIZE).isEmpty()) {
                withHistory++;
                assertThat(corpus.earlierVersions(i, SIZE)).allMatch(text -> text.length() < markdown.length());
            }
        }
        assertThat(redirects).isEqualTo(10);
        assertThat(withHistory).isGreaterThan(20);
        String all = String.join("\n", java.util.stream.IntStream.range(0, 200).mapToObj(i -> corpus.markdown(i, SIZE)).toList());
        assertThat(all).contains("\n- ", "| Measure |", "[^1]: ");
        Matcher distinctLinks = Pattern.compile("\\[\\[(?!Category:)([^\\]]+)]]").matcher(corpus.markdown(1, SIZE));
        assertThat(distinctLinks.find()).isTrue();
    }
}
