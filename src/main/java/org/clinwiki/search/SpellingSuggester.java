package org.clinwiki.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each typed word the index has never seen is replaced by the closest word it
 * has (from titles, headings and text). Thread-safe.
 */
final class SpellingSuggester {

    private final ClinicalSynonyms synonyms;
    private final Analyzer spellingAnalyzer = ClinicalAnalyzer.spelling();
    private final DirectSpellChecker speller = new DirectSpellChecker();

    SpellingSuggester(ClinicalSynonyms synonyms) {
        this.synonyms = synonyms;
        // A small wiki has few documents per word: any word someone wrote may be the correction
        // (the checker keeps words in more documents than this threshold, so 0 means "in at least one").
        speller.setThresholdFrequency(0f);
    }

    /**
     * The query with each word the index has never seen replaced by the closest word it has
     * (from titles, headings and text), or nothing if every word is known. Abbreviations from
     * the clinical vocabulary are known even if no page uses them yet.
     */
    Optional<String> suggestion(IndexReader reader, UserQuery typed) throws IOException {
        String corrected = typed.text();
        boolean changed = false;
        for (UserQuery.Part part : typed.parts()) {
            if (part.excluded() || part.field() == UserQuery.Field.CATEGORY) {
                continue;
            }
            for (String word : words(part.text())) {
                if (word.length() < speller.getMinQueryLength() || synonyms.knows(word)
                        || reader.docFreq(new Term(SearchFields.SPELL, word)) > 0) {
                    continue;
                }
                SuggestWord[] similar = speller.suggestSimilar(new Term(SearchFields.SPELL, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (similar.length > 0) {
                    Matcher typedWord = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(corrected);
                    if (typedWord.find()) {
                        corrected = corrected.substring(0, typedWord.start()) + similar[0].string
                                + corrected.substring(typedWord.end());
                        changed = true;
                    }
                }
            }
        }
        return changed ? Optional.of(corrected) : Optional.empty();
    }

    private List<String> words(String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = spellingAnalyzer.tokenStream(SearchFields.SPELL, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}
