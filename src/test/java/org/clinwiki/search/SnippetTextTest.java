package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The snippet text as kept in doc values comes back exactly as it was indexed: the highlighter's offsets point into it. */
class SnippetTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Naïve Bayes triage sorts référrals — 漢字 and emoji 🩺.", "  leading and trailing spaces  "})
    void textComesBackUnchanged(String text) throws IOException {
        assertThat(SnippetText.unpack(SnippetText.pack(text))).isEqualTo(text);
    }

    @Test
    void aLongRepetitivePageComesBackUnchangedAndSmaller() throws IOException {
        String text = "Clinicians document care in structured templates every shift. ".repeat(2_000) + "The end.";
        var packed = SnippetText.pack(text);
        assertThat(packed.length).isLessThan(text.length() / 4);
        assertThat(SnippetText.unpack(packed)).isEqualTo(text);
    }
}
