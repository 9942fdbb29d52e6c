package org.clinwiki.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Picks the passages to show: those with the most different query words, then the most
 * matches, then the earliest. Lucene's default BM25-like passage scorer allocates a hash table
 * per passage and cost more than the search itself; snippets do not need that precision.
 */
final class SnippetScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = terms[i].bytesEquals(terms[j]);
            }
            if (!seen) {
                distinct++;
            }
        }
        float early = contentLength == 0 ? 0 : 1f - (float) passage.getStartOffset() / contentLength;
        return distinct * 4f + Math.min(matches, 8) + early;
    }
}
