package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SpansTest {

    @Test
    void anEmptyTextHasNoLinesAndATrailingNewlineEndsAnEmptyOne() {
        assertThat(Spans.lines("").count()).isZero();
        Spans lines = Spans.lines("a\n");
        assertThat(lines.count()).isEqualTo(2);
        assertThat(lines.text(0)).isEqualTo("a");
        assertThat(lines.text(1)).isEmpty();
    }

    @Test
    void tokensAreWordsRunsOfSpaceAndSingleOtherCharacters() {
        Spans tokens = Spans.tokens("CPOE reduces  errors, é😀.");
        assertThat(IntStream.range(0, tokens.count()).mapToObj(tokens::text))
                .containsExactly("CPOE", " ", "reduces", "  ", "errors", ",", " ", "é", "😀", ".");
    }

    @Property
    void linesAreWhatSplittingAtNewlinesGives(@ForAll String text) {
        Spans lines = Spans.lines(text);
        String[] expected = text.isEmpty() ? new String[0] : text.split("\n", -1);
        assertThat(IntStream.range(0, lines.count()).mapToObj(lines::text)).containsExactly(expected);
    }

    @Property
    void tokensPutTogetherAreTheLine(@ForAll String line) {
        Spans tokens = Spans.tokens(line);
        assertThat(tokens.text(0, tokens.count())).isEqualTo(line);
        assertThat(IntStream.range(0, tokens.count()).allMatch(i -> tokens.length(i) > 0)).isTrue();
    }
}
