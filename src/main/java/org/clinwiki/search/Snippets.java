package org.clinwiki.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The passages of each hit's text that show the query's words, with the words marked. The
 * places of the words come from the postings of {@link SearchFields#ALL} (no analysis at
 * search time), the text itself from {@link SearchFields#BODY}'s doc values ({@link SnippetText}):
 * as a stored field, reading it was two fifths of the highlighting. Thread-safe.
 */
final class Snippets {

    private static final int PASSAGES = 2;
    private static final int MAX_TEXT_CHARS = 200_000;

    private final Analyzer analyzer = ClinicalAnalyzer.indexing();

    /** One snippet per hit, in the hits' order; null where no passage matched. The page text is escaped; only {@code <mark>} is markup. */
    String[] of(IndexSearcher searcher, Query highlight, TopDocs hits) throws IOException {
        if (hits.scoreDocs.length == 0) {
            return new String[0];
        }
        return new TextFromDocValues(UnifiedHighlighter.builder(searcher, analyzer)
                .withFieldMatcher(field -> field.equals(SearchFields.ALL))
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                // Passages of about 160 characters around the match, cut at spaces: the JDK's sentence
                // iterator cost more than the whole search.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), 160, 0.5f))
                .withScorer(new SnippetScorer())
                // Term offsets straight from the postings; exact phrase positions are not worth a second query evaluation.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withMaxLength(MAX_TEXT_CHARS))
                .highlight(SearchFields.ALL, highlight, hits, PASSAGES);
    }

    private static final class TextFromDocValues extends UnifiedHighlighter {

        TextFromDocValues(Builder builder) {
            super(builder);
        }

        /**
         * ALL's postings carry offsets ({@link PageDocument}). Finding that out from the index
         * merges every segment's field list, per search: half of the highlighting in a profile
         * of a wiki being edited, whose index has many small segments.
         */
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS;
        }

        /**
         * Loads documents' texts in order, until {@code cacheCharsThreshold} characters are loaded
         * (at least one document). The text is ALL's first value, so ALL's offsets point into it.
         */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<LeafReaderContext> leaves = getIndexSearcher().getIndexReader().leaves();
            List<CharSequence[]> texts = new ArrayList<>();
            long chars = 0;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                CharSequence[] perField = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    BinaryDocValues values = DocValues.getBinary(leaf.reader(), SearchFields.BODY);
                    String text = values.advanceExact(doc - leaf.docBase) ? SnippetText.unpack(values.binaryValue()) : "";
                    perField[i] = text.length() > getMaxLength() ? text.substring(0, getMaxLength()) : text;
                    chars += perField[i].length();
                }
                texts.add(perField);
                if (chars > cacheCharsThreshold) {
                    break;
                }
            }
            return texts;
        }
    }
}
