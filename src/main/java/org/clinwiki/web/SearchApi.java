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

    void search(Context ctx) {
        if (Requests.query(ctx, "q").isBlank()) {
            throw new InvalidInputException("missing_query", "Give the words to search for in q.");
        }
        SearchResults results = search.search(SearchRequests.from(ctx, SearchRequest.DEFAULT_LIMIT));
        ctx.json(new ResultsJson(results.total(), results.hits().stream().map(HitJson::of).toList(),
                results.suggestion().orElse(null), results.categories(), results.offset(), results.limit()));
    }

    void suggest(Context ctx) {
        String typed = Requests.query(ctx, "q");
        int limit = Requests.bounded(ctx, "limit", SUGGESTIONS, 1, 50);
        ctx.json(new SuggestJson(typed, ApiJson.texts(search.suggestTitles(typed, limit))));
        // Each keystroke asks again; a short private cache spares repeats while typing back and forth.
        ctx.header("Cache-Control", "private, max-age=10");
    }

    record ResultsJson(long total, List<HitJson> results, String suggestion, List<CategoryCount> categories,
                       int offset, int limit) {
    }

    record HitJson(String title, String snippet, float score, List<String> categories, Instant updated) {
        static HitJson of(SearchHit hit) {
            return new HitJson(hit.title().text(), hit.snippet().html(), hit.score(), hit.categories(), hit.updated());
        }
    }

    record SuggestJson(String query, List<String> titles) {
    }

}
