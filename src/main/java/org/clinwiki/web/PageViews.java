package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.page.Article;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.Revision;
import org.clinwiki.page.RevisionDiff;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.user.User;
import org.clinwiki.web.view.ArticleView;
import org.clinwiki.web.view.Byline;
import org.clinwiki.web.view.DiffView;
import org.clinwiki.web.view.HistoryView;
import org.clinwiki.web.view.Html;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.MissingView;

/** HTML pages for reading: an article (or an old revision of it), its history, and diffs. */
final class PageViews {

    private static final int HISTORY_PAGE = 50;
    private static final int TOC_MIN_HEADINGS = 3;
    private static final int CONTRIBUTORS_SHOWN = 10;

    private final PageReader reader;
    private final Templates templates;
    private final Auth auth;

    PageViews(PageReader reader, Templates templates, Auth auth) {
        this.reader = reader;
        this.templates = templates;
        this.auth = auth;
    }

    void home(Context ctx) {
        ctx.redirect("/wiki/Main_Page", HttpStatus.FOUND);
    }

    void show(Context ctx) {
        Title title = Requests.title(ctx);
        if (redirectedToCanonical(ctx, title, "")) {
            return;
        }
        Optional<User> viewer = auth.viewer(ctx);
        OptionalLong oldId = Requests.optionalId(ctx, "oldid");
        if (oldId.isPresent()) {
            render(ctx, reader.article(title, oldId.getAsLong(), viewer), Optional.empty());
            return;
        }
        Optional<Page> page = reader.find(title, viewer);
        if (page.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            ctx.html(templates.render("page/missing.jte", new MissingView(title.text(), title.urlPath())));
            return;
        }
        Article article = reader.article(title, viewer);
        Optional<Title> target = article.rendered().redirect();
        if (target.isPresent() && !"no".equals(ctx.queryParam("redirect"))) {
            Optional<Page> targetPage = reader.find(target.get(), viewer);
            if (targetPage.isPresent()) {
                Link from = new Link("/wiki/" + title.urlPath() + "?redirect=no", title.text());
                render(ctx, reader.article(target.get(), viewer), Optional.of(from));
                return;
            }
        }
        render(ctx, article, Optional.empty());
    }

    private void render(Context ctx, Article article, Optional<Link> redirectedFrom) {
        Page page = article.page();
        Title title = page.title();
        List<Link> categories = article.rendered().categories().stream()
                .map(name -> new Link("/wiki/" + new Title(Namespace.CATEGORY, name).urlPath(), name))
                .toList();
        List<Link> contributors = reader.contributors(page, CONTRIBUTORS_SHOWN).stream()
                .map(author -> new Link("/wiki/User:" + author.name(), author.displayName())).toList();
        var headings = article.rendered().headings();
        ArticleView view = new ArticleView(title.text(), title.urlPath(), new Html(article.html()), categories,
                Byline.of(article.revision().author(), article.revision().timestamp()), contributors,
                article.latest() ? Optional.empty() : Optional.of(article.revision().id()), page.latestRevisionId(),
                redirectedFrom, headings.size() >= TOC_MIN_HEADINGS ? headings : List.of(), page.isProtected());
        ctx.html(templates.render("page/view.jte", view));
    }

    void history(Context ctx) {
        Title title = Requests.title(ctx);
        if (redirectedToCanonical(ctx, title, "/history")) {
            return;
        }
        long before = Requests.before(ctx);
        // One extra revision: the size change of the last row shown needs its parent's size.
        List<Revision> revisions = reader.history(title, before, HISTORY_PAGE + 1, auth.viewer(ctx));
        Page page = reader.require(title, auth.viewer(ctx));
        List<HistoryView.Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(HISTORY_PAGE, revisions.size()); i++) {
            Revision revision = revisions.get(i);
            int parentSize = i + 1 < revisions.size() ? revisions.get(i + 1).size() : 0;
            rows.add(new HistoryView.Row(revision.id(),
                    revision.parentId().isPresent() ? Optional.of(revision.parentId().getAsLong()) : Optional.empty(),
                    Byline.of(revision.author(), revision.timestamp()), revision.summary(), revision.minor(), revision.size(),
                    signed(revision.size() - parentSize), revision.id() == page.latestRevisionId()));
        }
        Optional<String> older = revisions.size() > HISTORY_PAGE
                ? Optional.of("/wiki/" + title.urlPath() + "/history?before=" + revisions.get(HISTORY_PAGE - 1).id())
                : Optional.empty();
        ctx.html(templates.render("page/history.jte", new HistoryView(title.text(), title.urlPath(), rows, older)));
    }

    void diff(Context ctx) {
        Title title = Requests.title(ctx);
        Optional<User> viewer = auth.viewer(ctx);
        OptionalLong to = Requests.optionalId(ctx, "to");
        long toId = to.isPresent() ? to.getAsLong() : reader.require(title, viewer).latestRevisionId();
        RevisionDiff diff = reader.diff(title, Requests.optionalId(ctx, "from"), toId, viewer);
        String base = "/wiki/" + title.urlPath() + "/diff";
        Optional<String> previous = diff.previous().flatMap(p -> diff.from().map(f -> base + "?from=" + p.id() + "&to=" + f.id()));
        Optional<String> next = diff.next().map(n -> base + "?from=" + diff.to().id() + "&to=" + n.id());
        DiffView view = new DiffView(title.text(), title.urlPath(), diff.from().map(PageViews::side), side(diff.to()),
                diff.diff().hunks(), diff.diff().linesAdded(), diff.diff().linesRemoved(), previous, next);
        ctx.html(templates.render("page/diff.jte", view));
    }

    private static DiffView.Side side(Revision revision) {
        return new DiffView.Side(revision.id(), Byline.of(revision.author(), revision.timestamp()), revision.summary(),
                revision.minor());
    }

    /** Sends readers of a non-canonical URL (spaces, lower-case first letter) to the canonical one. */
    private static boolean redirectedToCanonical(Context ctx, Title title, String suffix) {
        String canonical = "/wiki/" + title.urlPath() + suffix;
        if (URLDecoder.decode(ctx.path(), StandardCharsets.UTF_8).equals(URLDecoder.decode(canonical, StandardCharsets.UTF_8))) {
            return false;
        }
        String query = ctx.queryString();
        ctx.redirect(canonical + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    private static String signed(int change) {
        return change > 0 ? "+" + change : Integer.toString(change);
    }
}
