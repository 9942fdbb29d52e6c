package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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

    @Test
    void everyPhraseOfAGroupIndexesOneConceptTermBesideItsWords() throws Exception {
        ClinicalSynonyms parsed = ClinicalSynonyms.parse("ehr, electronic health record\ngcs, glasgow coma scale\n");
        try (ClinicalAnalyzer analyzer = ClinicalAnalyzer.indexingConcepts(parsed.concepts().indexing())) {
            List<String> abbreviated = terms(analyzer, "The EHR notes");
            List<String> spelledOut = terms(analyzer, "Electronic health records everywhere");
            String concept = ClinicalSynonyms.CONCEPT_MARK + "ehr";
            assertThat(abbreviated).containsExactlyInAnyOrder("the", "ehr", concept, "note");
            assertThat(spelledOut).contains(concept, "electronic", "health", "record", "everywhere");
            assertThat(terms(analyzer, "coma scale")).doesNotContain(concept, ClinicalSynonyms.CONCEPT_MARK + "gcs");
        }
        try (ClinicalAnalyzer analyzer = ClinicalAnalyzer.querying(parsed.concepts().querying())) {
            assertThat(terms(analyzer, "electronic health record")).containsExactly(ClinicalSynonyms.CONCEPT_MARK + "ehr");
        }
    }

    @Test
    void aPhraseInsideALongerOneAddsBothConceptsAfterItsLastWord() throws Exception {
        ClinicalSynonyms parsed = ClinicalSynonyms.parse("empi, enterprise master patient index\nmpi, master patient index\n");
        try (ClinicalAnalyzer analyzer = ClinicalAnalyzer.indexingConcepts(parsed.concepts().indexing())) {
            assertThat(terms(analyzer, "An enterprise master patient index here")).containsExactly("an", "enterprise",
                    "master", "patient", "index", ClinicalSynonyms.CONCEPT_MARK + "mpi", ClinicalSynonyms.CONCEPT_MARK + "empi",
                    "here");
            assertThat(terms(analyzer, "master index")).containsExactly("master", "index");
        }
    }

    @Test
    void theFingerprintFollowsTheList() throws Exception {
        String list = "ehr, electronic health record\n";
        assertThat(ClinicalSynonyms.parse(list).fingerprint()).isEqualTo(ClinicalSynonyms.parse(list).fingerprint());
        assertThat(ClinicalSynonyms.parse(list + "gcs, glasgow coma scale\n").fingerprint())
                .isNotEqualTo(ClinicalSynonyms.parse(list).fingerprint());
    }

    private static List<String> terms(ClinicalAnalyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("all", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
