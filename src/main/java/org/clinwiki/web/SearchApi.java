package org.clinwiki.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.search.CategoryCount;
import org.clinwiki.search.SearchHit;
import org.clinwiki.search.SearchRequest;
import org.clinwiki.search.SearchResults;
import org.clinwiki.search.SearchService;

/** JSON API for full-text search and title autocomplete. */
final class SearchApi {

    private static final int SUGGESTIONS = 10;

    private final SearchService search;

    SearchApi(SearchService search) {
        this.search = search;
    }

    void search(Context ctx) throws InterruptedException {
        if (Requests.query(ctx, "q").isBlank()) {
            throw new InvalidInputException("missing_query", "Give the words to search for in q.");
        }
        SearchRequest request = SearchRequests.from(ctx, SearchRequest.DEFAULT_LIMIT);
        boolean complete = ReadYourWrites.awaitSearchable(ctx, search);
        SearchResults results = search.search(request);
        ctx.json(new ResultsJson(results.total(), results.hits().stream().map(HitJson::of).toList(),
                results.suggestion().orElse(null), results.categories(), results.offset(), results.limit(), complete));
    }

    void suggest(Context ctx) throws InterruptedException {
        String typed = Requests.query(ctx, "q");
        int limit = Requests.bounded(ctx, "limit", SUGGESTIONS, 1, 50);
        boolean complete = ReadYourWrites.awaitSearchable(ctx, search);
        ctx.json(new SuggestJson(typed, ApiJson.texts(search.suggestTitles(typed, limit)), complete));
        // Each keystroke asks again; a short private cache spares repeats while typing back and forth. Not one
        // that lacks a change the client made: asked again, it may be complete.
        ctx.header("Cache-Control", complete ? "private, max-age=10" : "no-store");
    }

    /**
     * {@code complete} is false only when {@code ?after=} named a change this node's index had not
     * reached within {@link ReadYourWrites#SEARCH_WAIT}: the results may lack that change.
     */
    record ResultsJson(long total, List<HitJson> results, String suggestion, List<CategoryCount> categories,
                       int offset, int limit, boolean complete) {
    }

    record HitJson(String title, String snippet, float score, List<String> categories, Instant updated) {
        static HitJson of(SearchHit hit) {
            return new HitJson(hit.title().text(), hit.snippet().html(), hit.score(), hit.categories(), hit.updated());
        }
    }

    /** {@code complete} as in {@link ResultsJson}. */
    record SuggestJson(String query, List<String> titles, boolean complete) {
    }

}
