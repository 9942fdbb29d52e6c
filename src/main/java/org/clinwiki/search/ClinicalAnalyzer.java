package org.clinwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms. Words split on Unicode rules; possessives, case and accents go; no
 * stop words and no minimum length, because the field's vocabulary is two- and three-letter
 * abbreviations (EHR, CDS, HL7). Stemming is KStem, gentler than Porter: it keeps
 * "medication" and "medical" apart. The clinical synonyms apply after stemming, so a synonym
 * matches whatever inflection was written or typed.
 *
 * <p>Public, with {@link #indexing()}, for the search benchmark's baseline queries.
 */
public final class ClinicalAnalyzer extends Analyzer {

    private final boolean stem;
    private final SynonymMap synonyms;
    private final ConceptFilter.Phrases concepts;

    private ClinicalAnalyzer(boolean stem, SynonymMap synonyms, ConceptFilter.Phrases concepts) {
        this.stem = stem;
        this.synonyms = synonyms;
        this.concepts = concepts;
    }

    /** For indexed text without concepts (the snippet text) and for phrases typed in quotes. */
    public static ClinicalAnalyzer indexing() {
        return new ClinicalAnalyzer(true, null, null);
    }

    /** For indexed text that also carries the vocabulary's concept terms ({@link ClinicalSynonyms.Concepts#indexing()}). */
    static ClinicalAnalyzer indexingConcepts(ConceptFilter.Phrases concepts) {
        return new ClinicalAnalyzer(true, null, concepts);
    }

    /** For typed words: the indexing chain plus a synonym map (concepts, or every expansion for highlighting). */
    static ClinicalAnalyzer querying(SynonymMap synonyms) {
        return new ClinicalAnalyzer(true, synonyms, null);
    }

    /** Unstemmed words, for spelling suggestions: a correction must be a word someone wrote. */
    static ClinicalAnalyzer spelling() {
        return new ClinicalAnalyzer(false, null, null);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(64);
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stem) {
            stream = new KStemFilter(stream);
        }
        if (synonyms != null && synonyms.fst != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        if (concepts != null && !concepts.isEmpty()) {
            stream = new ConceptFilter(stream, concepts);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    // Fields with several values (ALL: title, redirects, headings, text) must not let a phrase run from one value into the next.
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
