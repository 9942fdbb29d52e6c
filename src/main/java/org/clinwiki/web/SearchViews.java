package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.clinwiki.page.PageReader;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Title;
import org.clinwiki.title.TitlePrefix;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.SearchView;

/**
 * The search box's target. Until full-text search arrives it does what MediaWiki's "Go" does:
 * an exact title goes straight to the page; otherwise it lists titles starting with the query.
 */
final class SearchViews {

    private static final int RESULTS = 50;

    private final PageReader reader;
    private final Layout layout;
    private final Auth auth;

    SearchViews(PageReader reader, Layout layout, Auth auth) {
        this.reader = reader;
        this.layout = layout;
        this.auth = auth;
    }

    void search(Context ctx) {
        String query = Requests.query(ctx, "q").strip();
        if (query.isEmpty()) {
            layout.render(ctx, "search.jte", new SearchView("", List.of(), new Link("/", ""), true));
            return;
        }
        Optional<Title> exact = parse(query);
        if (exact.isPresent() && reader.find(exact.get(), auth.viewer(ctx)).isPresent()) {
            ctx.redirect("/wiki/" + exact.get().urlPath(), HttpStatus.FOUND);
            return;
        }
        List<Link> results = List.of();
        try {
            TitlePrefix prefix = TitlePrefix.parse(query);
            results = reader.titles(prefix.namespace(), prefix.name(), "", RESULTS, auth.viewer(ctx)).stream()
                    .map(title -> new Link("/wiki/" + title.urlPath(), title.text())).toList();
        } catch (InvalidTitleException e) {
            // A query that cannot start a title matches no title.
        }
        Link create = exact.map(title -> new Link("/wiki/" + title.urlPath() + "/edit", title.text())).orElse(new Link("/", ""));
        layout.render(ctx, "search.jte", new SearchView(query, results, create, exact.isEmpty()));
    }

    private static Optional<Title> parse(String query) {
        try {
            return Optional.of(Title.parse(query));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }
}
