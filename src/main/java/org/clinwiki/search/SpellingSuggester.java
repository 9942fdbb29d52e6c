package org.clinwiki.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * "Did you mean": each typed word the index has never seen is replaced by the closest word it
 * has (from titles, headings and text). Thread-safe.
 *
 * <p>The closest word starts with the same letter and is at most two edits away; fewer edits
 * win, then the word more pages use. Candidates are compared one by one, with a distance that
 * gives up past two edits: Lucene's spell checker builds a Levenshtein automaton per word
 * instead, which for a long word took 3–4 ms, more than the whole search it was part of.
 */
final class SpellingSuggester {

    private static final int MAX_EDITS = 2;
    /** Shorter words are too often abbreviations or codes to correct. */
    private static final int MIN_WORD_LENGTH = 4;
    /** At least half of the shorter word must survive the edits ("ab" is not a spelling of "xy"). */
    private static final float MIN_SIMILARITY = 0.5f;

    private final ClinicalSynonyms synonyms;
    private final Analyzer spellingAnalyzer = ClinicalAnalyzer.spelling();
    private final LevenshteinDistance distance = new LevenshteinDistance(MAX_EDITS);

    SpellingSuggester(ClinicalSynonyms synonyms) {
        this.synonyms = synonyms;
    }

    /**
     * The query with each word the index has never seen replaced by the closest word it has
     * (from titles, headings and text), or nothing if every word is known. Abbreviations from
     * the clinical vocabulary are known even if no page uses them yet.
     */
    Optional<String> suggestion(IndexReader reader, UserQuery typed) throws IOException {
        String corrected = typed.text();
        boolean changed = false;
        Terms terms = MultiTerms.getTerms(reader, SearchFields.SPELL);
        if (terms == null) {
            return Optional.empty();
        }
        LiveWords live = new LiveWords(MultiBits.getLiveDocs(reader));
        for (UserQuery.Part part : typed.parts()) {
            if (part.excluded() || part.field() == UserQuery.Field.CATEGORY) {
                continue;
            }
            for (String word : words(part.text())) {
                if (word.length() < MIN_WORD_LENGTH || synonyms.knows(word) || live.known(terms.iterator(), new BytesRef(word))) {
                    continue;
                }
                Optional<String> closest = closest(terms, live, word);
                if (closest.isPresent()) {
                    Matcher typedWord = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(corrected);
                    if (typedWord.find()) {
                        corrected = corrected.substring(0, typedWord.start()) + closest.get()
                                + corrected.substring(typedWord.end());
                        changed = true;
                    }
                }
            }
        }
        return changed ? Optional.of(corrected) : Optional.empty();
    }

    private Optional<String> closest(Terms terms, LiveWords live, String word) throws IOException {
        BytesRef firstLetter = new BytesRef(word.substring(0, Character.charCount(word.codePointAt(0))));
        TermsEnum candidates = terms.iterator();
        if (candidates.seekCeil(firstLetter) == TermsEnum.SeekStatus.END) {
            return Optional.empty();
        }
        String best = null;
        int bestEdits = MAX_EDITS + 1;
        int bestPages = 0;
        do {
            BytesRef term = candidates.term();
            if (!StringHelper.startsWith(term, firstLetter)) {
                break;
            }
            // Out of reach by length alone: a UTF-8 byte per character at least, and a character per code point at least.
            if (term.length < word.length() - MAX_EDITS || UnicodeUtil.codePointCount(term) > word.length() + MAX_EDITS) {
                continue;
            }
            String candidate = term.utf8ToString();
            int edits = distance.apply(word, candidate);
            if (edits <= 0 || edits > bestEdits
                    || 1f - (float) edits / Math.min(word.length(), candidate.length()) < MIN_SIMILARITY) {
                continue;
            }
            int pages = candidates.docFreq();
            if ((edits < bestEdits || pages > bestPages) && live.inLivePage(candidates)) {
                best = candidate;
                bestEdits = edits;
                bestPages = pages;
            }
        } while (candidates.next() != null);
        return Optional.ofNullable(best);
    }

    /**
     * Whether words are in pages that still exist. A deleted page's words stay in the terms
     * dictionary until its segment is merged, which on a quiet wiki may be never; a suggestion
     * must not offer them, or "did you mean" would read out a deleted page word by word.
     */
    private static final class LiveWords {
        private final Bits liveDocs;
        private PostingsEnum postings;

        LiveWords(Bits liveDocs) {
            this.liveDocs = liveDocs;
        }

        boolean known(TermsEnum words, BytesRef word) throws IOException {
            return words.seekExact(word) && inLivePage(words);
        }

        /** Whether the term {@code words} is positioned on is in a live page; stops at the first one. */
        boolean inLivePage(TermsEnum words) throws IOException {
            if (liveDocs == null) {
                return true;
            }
            postings = words.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (liveDocs.get(doc)) {
                    return true;
                }
            }
            return false;
        }
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
