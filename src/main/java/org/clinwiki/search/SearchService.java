package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.title.Title;

/**
 * Answers searches: checks the request, runs the translated query ({@link QueryTranslator}),
 * and returns one page of hits with snippets, category counts and a spelling suggestion
 * ({@link SpellingSuggester}). All words must match.
 */
public final class SearchService {

    public static final int MAX_QUERY_CHARS = 300;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    private static final int MAX_PARTS = 32;
    private static final int FACETS = 25;

    private final SearchIndex index;
    private final Sanitizer sanitizer;
    private final Snippets snippets = new Snippets();
    private final QueryTranslator queries;
    private final SpellingSuggester spelling;
    private final CategoryTables categories = new CategoryTables();
    /**
     * Searches are CPU-bound: more at once than there are cores only makes every one of them
     * slower, and the operating system's time slicing turns that into long tails. Searches
     * beyond the core count wait their turn, first come first served.
     */
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public SearchService(SearchIndex index, Sanitizer sanitizer) {
        this.index = index;
        this.sanitizer = sanitizer;
        this.queries = new QueryTranslator(index.vocabulary());
        this.spelling = new SpellingSuggester(index.vocabulary());
    }

    /**
     * Waits until every change committed before this call is searchable, or {@code timeout}
     * passes; returns whether it is.
     */
    public boolean awaitCurrent(Duration timeout) throws InterruptedException {
        return index.awaitCurrent(timeout);
    }

    /** Waits until page change {@code seq} is searchable, or {@code timeout} passes; returns whether it is. */
    public boolean awaitSearchable(long seq, Duration timeout) throws InterruptedException {
        return index.awaitSearchable(seq, timeout);
    }

    /**
     * Waits until change {@code seq} (a client's, perhaps made through another node) is searchable
     * here, or the timeout passes; returns whether it is. A number beyond the database's latest
     * change is waited for only up to that one, so no made-up number makes a search wait. The
     * index is woken: the change may come from a node whose notice was missed.
     */
    public boolean awaitChange(long seq, Duration timeout) throws InterruptedException {
        if (index.searchableSeq() >= seq) {
            return true;
        }
        long target = seq;
        try {
            target = Math.min(seq, index.latestChange());
        } catch (RuntimeException databaseAway) {
            // Searching needs no database: wait for the number as given, and answer from the index.
        }
        index.requestCatchUp();
        return index.awaitSearchable(target, timeout);
    }

    public SearchResults search(SearchRequest request) {
        if (request.query().length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException("query_too_long",
                    "A search can be at most " + MAX_QUERY_CHARS + " characters long.");
        }
        if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (request.offset() < 0 || request.offset() > MAX_OFFSET) {
            throw new InvalidInputException("invalid_offset", "offset must be between 0 and " + MAX_OFFSET + ".");
        }
        UserQuery typed = UserQuery.parse(request.query().strip());
        if (typed.parts().size() > MAX_PARTS) {
            throw new InvalidInputException("query_too_complex",
                    "A search can have at most " + MAX_PARTS + " words, phrases and filters.");
        }
        Optional<QueryTranslator.Translated> query = queries.build(typed, request);
        running.acquireUninterruptibly();
        try {
            return index.withSearcher(searcher -> {
                Optional<String> suggestion = spelling.suggestion(searcher.getIndexReader(), typed);
                if (query.isEmpty()) {
                    return new SearchResults(0, List.of(), suggestion, List.of(), request.offset(), request.limit());
                }
                return run(searcher, query.get(), request, suggestion);
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidInputException("query_too_complex", "The search expands to too many terms; use fewer words.");
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed reading the index", e);
        } finally {
            running.release();
        }
    }

    /** Titles for autocomplete: prefix matches first, then word and infix matches. */
    public List<Title> suggestTitles(String typed, int limit) {
        if (typed.length() > MAX_QUERY_CHARS) {
            return List.of();
        }
        return index.titles().suggest(typed, limit);
    }

    /** The page whose title is what was typed, ignoring case and accents, for "Go" from the search box. */
    public Optional<Title> exactTitle(String typed) {
        return typed.length() > MAX_QUERY_CHARS ? Optional.empty() : index.titles().exact(typed);
    }

    private SearchResults run(IndexSearcher searcher, QueryTranslator.Translated query, SearchRequest request,
                              Optional<String> suggestion) throws IOException {
        int wanted = request.offset() + request.limit();
        // Two passes. Counting and the category tally need every match but no scores, so they skip
        // the title and heading boosts; ranking then needs only the best few, and with a hit
        // threshold that low it skips blocks of postings that cannot beat them. One pass that does
        // both has to score every match.
        CategoryCounter.Counts counts = searcher.search(query.match(), CategoryCounter.manager(categories));
        TopDocs top = searcher.search(query.match(), new TopScoreDocCollectorManager(wanted, wanted));
        ScoreDoc[] slice = request.offset() >= top.scoreDocs.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
        String[] marked = snippets.of(searcher, query.highlight(), new TopDocs(top.totalHits, slice));
        List<SearchHit> hits = new ArrayList<>(slice.length);
        for (int i = 0; i < slice.length; i++) {
            ResultFields fields = ResultFields.of(searcher.getIndexReader(), categories, slice[i].doc);
            Optional<Title> title = Title.tryParse(fields.display());
            if (title.isPresent()) {
                hits.add(new SearchHit(title.get(), snippet(marked[i]), slice[i].score, fields.categories(), fields.updated()));
            }
        }
        List<CategoryCount> facets = counts.categories().subList(0, Math.min(FACETS, counts.categories().size()));
        return new SearchResults(counts.hits(), hits, suggestion, facets, request.offset(), request.limit());
    }

    private SafeHtml snippet(String highlighted) {
        return sanitizer.cleanMarked(highlighted == null ? "" : highlighted.strip());
    }
}
