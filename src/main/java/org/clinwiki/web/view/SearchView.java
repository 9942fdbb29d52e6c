package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The search page: one slice of ranked results with snippets, the category filters with
 * counts, a corrected query to try, paging, and the page one could create. {@code stillIndexing}
 * when the results may lack a change the reader made a moment ago ({@code ?after=}).
 */
public record SearchView(String query, Optional<String> category, long total, int from, int to, List<Row> results,
                         Optional<Link> suggestion, List<Facet> facets, Optional<Link> allCategories,
                         Optional<Link> previous, Optional<Link> next, Optional<Link> create, Optional<Link> exists,
                         boolean stillIndexing) {

    /** One result: the page, the sanitised snippet, its categories and when it last changed. */
    public record Row(Link page, Html snippet, List<Link> categories, String updated, String updatedIso) {
    }

    /** A category to narrow the results to, with how many results are in it. */
    public record Facet(Link link, int count, boolean selected) {
    }

    public static SearchView empty() {
        return new SearchView("", Optional.empty(), 0, 0, 0, List.of(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
