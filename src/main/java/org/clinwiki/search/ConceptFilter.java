package org.clinwiki.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * At indexing, adds a vocabulary group's concept term after the last word of any of its
 * phrases, at that word's position, and keeps every word.
 *
 * <p>Queries look a concept term up on its own, never inside a phrase, so where it sits does not
 * matter. That lets this filter work without looking ahead: it remembers the last few words
 * and checks the phrases that end at the current one. Lucene's {@code SynonymGraphFilter} with
 * {@code FlattenGraphFilter} did the same job but buffered and copied every token's state, and
 * was half of the time to index a page. Phrases inside longer phrases count too: "master
 * patient index" inside "enterprise master patient index" adds both concepts.
 */
final class ConceptFilter extends TokenFilter {

    /** Phrases of analysed words joined by single spaces, and the concepts each stands for. */
    static Phrases phrases(Map<String, List<String>> conceptsByPhrase) {
        return new Phrases(conceptsByPhrase);
    }

    /** The vocabulary in the form this filter looks it up: built once, shared by every stream. */
    static final class Phrases {
        private final CharArrayMap<List<String>> concepts;
        private final CharArrayMap<Boolean> lastWords;
        private final int maxWords;

        private Phrases(Map<String, List<String>> conceptsByPhrase) {
            concepts = new CharArrayMap<>(conceptsByPhrase.size(), false);
            lastWords = new CharArrayMap<>(conceptsByPhrase.size(), false);
            int longest = 1;
            for (Map.Entry<String, List<String>> entry : conceptsByPhrase.entrySet()) {
                String phrase = entry.getKey();
                concepts.put(phrase, List.copyOf(entry.getValue()));
                lastWords.put(phrase.substring(phrase.lastIndexOf(' ') + 1), Boolean.TRUE);
                longest = Math.max(longest, (int) phrase.chars().filter(c -> c == ' ').count() + 1);
            }
            maxWords = longest;
        }

        boolean isEmpty() {
            return concepts.isEmpty();
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Phrases phrases;
    /** The last words, oldest first, as a ring of reused buffers. */
    private final char[][] words;
    private final int[] lengths;
    private int newest = -1;
    private int remembered;
    private char[] key = new char[64];
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    ConceptFilter(TokenStream input, Phrases phrases) {
        super(input);
        this.phrases = phrases;
        this.words = new char[phrases.maxWords][16];
        this.lengths = new int[phrases.maxWords];
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            term.setEmpty().append(pending.poll());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        // A gap (between a field's values) ends any phrase; a stacked token is not a next word.
        if (increment.getPositionIncrement() > 1) {
            remembered = 0;
        } else if (increment.getPositionIncrement() == 0) {
            return true;
        }
        remember();
        if (phrases.lastWords.containsKey(term.buffer(), 0, term.length())) {
            findPhrasesEndingHere();
        }
        return true;
    }

    private void remember() {
        newest = (newest + 1) % words.length;
        if (words[newest].length < term.length()) {
            words[newest] = new char[term.length()];
        }
        System.arraycopy(term.buffer(), 0, words[newest], 0, term.length());
        lengths[newest] = term.length();
        remembered = Math.min(remembered + 1, words.length);
    }

    /** Tries the phrases of one, two, ... words that end with the current word. */
    private void findPhrasesEndingHere() {
        for (int count = 1; count <= remembered; count++) {
            int length = 0;
            for (int back = count - 1; back >= 0; back--) {
                int slot = Math.floorMod(newest - back, words.length);
                length += lengths[slot] + (back < count - 1 ? 1 : 0);
            }
            if (key.length < length) {
                key = new char[length];
            }
            int at = 0;
            for (int back = count - 1; back >= 0; back--) {
                int slot = Math.floorMod(newest - back, words.length);
                if (back < count - 1) {
                    key[at++] = ' ';
                }
                System.arraycopy(words[slot], 0, key, at, lengths[slot]);
                at += lengths[slot];
            }
            List<String> concepts = phrases.concepts.get(key, 0, length);
            if (concepts != null) {
                for (String concept : concepts) {
                    // Two phrases of one group can end at the same word ("record", "health record").
                    if (!pending.contains(concept)) {
                        pending.add(concept);
                    }
                }
            }
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        remembered = 0;
        newest = -1;
    }
}
