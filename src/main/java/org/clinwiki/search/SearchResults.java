package org.clinwiki.search;

import java.util.List;
import java.util.Optional;

/**
 * One page of results: how many pages match in all, the hits in this slice, a corrected
 * query when words looked misspelt, and the categories of all matching pages with counts.
 */
public record SearchResults(long total, List<SearchHit> hits, Optional<String> suggestion, List<CategoryCount> categories,
                            int offset, int limit) {

    static SearchResults none(SearchRequest request) {
        return new SearchResults(0, List.of(), Optional.empty(), List.of(), request.offset(), request.limit());
    }

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
