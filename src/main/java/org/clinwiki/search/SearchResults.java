package org.clinwiki.search;

import java.util.List;
import java.util.Optional;

/**
 * One page of results: how many pages match in all, the hits in this slice, a corrected
 * query when words looked misspelt, and the categories of all matching pages with counts.
 */
public record SearchResults(long total, List<SearchHit> hits, Optional<String> suggestion, List<CategoryCount> categories,
                            int offset, int limit) {

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
