package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shipped vocabulary: large enough, well-formed, and covering the field's core abbreviations. */
class ClinicalSynonymsTest {

    @Test
    void shippedListHasAtLeast150GroupsAndParses() throws Exception {
        String text = ClinicalSynonyms.shipped();
        long groups = Arrays.stream(text.split("\n"))
                .filter(line -> !line.isBlank() && !line.strip().startsWith("#") && line.contains(",")).count();
        assertThat(groups).isGreaterThanOrEqualTo(150);
        ClinicalSynonyms parsed = ClinicalSynonyms.parse(text);
        assertThat(parsed.map().fst).isNotNull();
    }

    @Test
    void coreAbbreviationsAreKnown() throws Exception {
        ClinicalSynonyms parsed = ClinicalSynonyms.parse(ClinicalSynonyms.shipped());
        for (String word : new String[] {"ehr", "cpoe", "cds", "hie", "phi", "emar", "bcma", "hl7", "fhir", "icd", "snomed"}) {
            assertThat(parsed.knows(word)).as(word).isTrue();
        }
    }
}
