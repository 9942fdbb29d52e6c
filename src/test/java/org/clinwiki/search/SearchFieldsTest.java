package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchFieldsTest {

    /** The fold's definition, written the slow, obvious way. */
    private static String definition(String text) {
        String decomposed = Normalizer.normalize(text.replace('_', ' '), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    @Test
    void foldIsLowerCaseWithoutAccentsAndWithSingleSpaces() {
        assertThat(SearchFields.fold("  Naïve_Bayes \t classifiers ")).isEqualTo("naive bayes classifiers");
        assertThat(SearchFields.fold("Ångström")).isEqualTo("angstrom");
    }

    @Test
    void foldAgreesWithItsDefinitionOnAwkwardText() {
        List<String> samples = List.of("Electronic health record", "ICD-10_codes", "  tabs\tand\nnew\r\nlines  ",
                "Ångström", "e\u0301cole", "a\u20ddb", "Σίσυφος ΟΔΟΣ", "İstanbul", "zero\u200bwidth", "no\u00a0break",
                "\u2003em spaces\u2003", "x\u000b\fy", "日本語のタイトル", "emoji \uD83D\uDE00 title", "", " ", "__", "A__B");
        for (String sample : samples) {
            assertThat(SearchFields.fold(sample)).as(sample).isEqualTo(definition(sample));
        }
    }
}
