package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.page.PageReader;
import org.clinwiki.search.CategoryCount;
import org.clinwiki.search.SearchHit;
import org.clinwiki.search.SearchRequest;
import org.clinwiki.search.SearchResults;
import org.clinwiki.search.SearchService;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.web.view.Dates;
import org.clinwiki.web.view.Html;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.SearchView;

/**
 * The search page. From the search box it does what MediaWiki's "Go" does: a query that is a
 * page's title goes straight to the page. Otherwise (or with {@code fulltext=1}, which the
 * results page's own form sends) it lists ranked results with snippets and category filters.
 */
final class SearchViews {

    /** Results per page on the search page, as MediaWiki's. */
    static final int PAGE_SIZE = 20;

    private final SearchService search;
    private final PageReader reader;
    private final Layout layout;
    private final Auth auth;

    SearchViews(SearchService search, PageReader reader, Layout layout, Auth auth) {
        this.search = search;
        this.reader = reader;
        this.layout = layout;
        this.auth = auth;
    }

    void search(Context ctx) throws InterruptedException {
        String query = Requests.query(ctx, "q").strip();
        if (query.isEmpty()) {
            ReadYourWrites.after(ctx);
            layout.render(ctx, "search.jte", SearchView.empty());
            return;
        }
        OptionalLong after = ReadYourWrites.after(ctx);
        boolean complete = ReadYourWrites.awaitSearchable(ctx, search);
        Optional<Title> exact = exactTitle(query);
        boolean fulltext = Requests.flag(ctx, "fulltext") || ctx.queryParam("offset") != null
                || ctx.queryParam("category") != null;
        if (exact.isPresent() && !fulltext) {
            ctx.redirect(exact.get().wikiPath(), HttpStatus.FOUND);
            return;
        }
        SearchRequest request = SearchRequests.from(ctx, PAGE_SIZE);
        SearchResults results = search.search(request);
        layout.render(ctx, "search.jte", view(new Paging(request, after), results, exact, complete));
    }

    /**
     * What every link of a results page keeps: the search, and the change it must show
     * ({@code ?after=}), so the next page of results is as fresh as the first.
     */
    private record Paging(SearchRequest request, OptionalLong after) {

        String url(String query, Optional<String> category, int offset) {
            StringBuilder url = new StringBuilder("/search?q=").append(encode(query)).append("&fulltext=1");
            category.ifPresent(name -> url.append("&category=").append(encode(name)));
            if (offset > 0) {
                url.append("&offset=").append(offset);
            }
            if (request.limit() != PAGE_SIZE) {
                url.append("&limit=").append(request.limit());
            }
            after.ifPresent(change -> url.append("&after=").append(change));
            return url.toString();
        }
    }

    private Optional<Title> exactTitle(String query) {
        Optional<Title> typed = Title.tryParse(query).filter(title -> reader.find(title, Optional.empty()).isPresent());
        return typed.isPresent() ? typed : search.exactTitle(query);
    }

    private SearchView view(Paging paging, SearchResults results, Optional<Title> exact, boolean complete) {
        SearchRequest request = paging.request();
        String query = request.query().strip();
        List<SearchView.Row> rows = results.hits().stream().map(SearchViews::row).toList();
        Optional<Link> suggestion = results.suggestion().map(corrected -> new Link(paging.url(corrected, request.category(), 0), corrected));
        List<SearchView.Facet> facets = results.categories().stream().map(count -> facet(query, paging, count)).toList();
        Optional<Link> allCategories = request.category().map(name -> new Link(paging.url(query, Optional.empty(), 0), "All categories"));
        int from = results.offset() + 1;
        int to = results.offset() + rows.size();
        Optional<Link> previous = results.offset() > 0
                ? Optional.of(new Link(paging.url(query, request.category(), Math.max(0, results.offset() - results.limit())), "Previous"))
                : Optional.empty();
        Optional<Link> next = results.hasMore() && to < SearchService.MAX_OFFSET
                ? Optional.of(new Link(paging.url(query, request.category(), to), "Next"))
                : Optional.empty();
        Optional<Link> create = exact.isEmpty()
                ? Title.tryParse(query).map(title -> new Link(title.wikiPath() + "/edit", title.text()))
                : Optional.empty();
        Optional<Link> exists = exact.map(title -> new Link(title.wikiPath(), title.text()));
        return new SearchView(query, request.category(), results.total(), from, to, rows, suggestion, facets, allCategories,
                previous, next, create, exists, !complete);
    }

    private static SearchView.Row row(SearchHit hit) {
        List<Link> categories = hit.categories().stream()
                .map(name -> new Link(new Title(Namespace.CATEGORY, name).wikiPath(), name)).toList();
        return new SearchView.Row(new Link(hit.title().wikiPath(), hit.title().text()), new Html(hit.snippet()),
                categories, Dates.shown(hit.updated()), Dates.iso(hit.updated()));
    }

    private static SearchView.Facet facet(String query, Paging paging, CategoryCount count) {
        boolean selected = paging.request().category().filter(name -> name.equalsIgnoreCase(count.name())).isPresent();
        return new SearchView.Facet(new Link(paging.url(query, Optional.of(count.name()), 0), count.name()), count.count(), selected);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
