package org.clinwiki.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.category.CategoryListing;
import org.clinwiki.category.CategoryService;
import org.clinwiki.diff.TextDiff;
import org.clinwiki.page.Article;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.Revision;
import org.clinwiki.page.RevisionDiff;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;
import org.clinwiki.web.view.ArticleView;
import org.clinwiki.web.view.FileView;
import org.clinwiki.web.view.Byline;
import org.clinwiki.web.view.CategoryView;
import org.clinwiki.web.view.DiffTable;
import org.clinwiki.web.view.DiffView;
import org.clinwiki.web.view.HistoryView;
import org.clinwiki.web.view.Html;
import org.clinwiki.web.view.LetterGroup;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.MissingView;

/** HTML pages for reading: an article (or an old revision), a category, history, and diffs. */
final class PageViews {

    private static final int HISTORY_PAGE = 50;
    private static final int TOC_MIN_HEADINGS = 3;
    private static final int CONTRIBUTORS_SHOWN = 10;
    private static final int CATEGORY_PAGE = 200;
    private static final String HTML_UTF8 = "text/html;charset=utf-8";

    private final PageReader reader;
    private final FileViews files;
    private final CategoryService categories;
    private final Permissions permissions;
    private final Layout layout;
    private final Auth auth;

    /** Whole anonymous views, kept as the bytes sent: half the memory of a String, and no encoding per view. */
    private final Cache<ViewKey, AnonymousView> anonymousViews;

    PageViews(PageReader reader, CategoryService categories, Permissions permissions, Layout layout, Auth auth,
              long viewCacheBytes, FileViews files) {
        this.files = files;
        this.reader = reader;
        this.categories = categories;
        this.permissions = permissions;
        this.layout = layout;
        this.auth = auth;
        this.anonymousViews = Caffeine.newBuilder().maximumWeight(viewCacheBytes)
                .weigher((ViewKey key, AnonymousView view) -> view.html().length + 128).build();
    }

    void home(Context ctx) {
        ctx.redirect("/wiki/Main_Page", HttpStatus.FOUND);
    }

    void show(Context ctx) {
        Title title = Requests.title(ctx);
        // ?after=CHANGE needs no wait (every node reads the primary), only checking; on a category
        // page, ?after= is where its list of members continues, a title.
        if (!title.isCategory()) {
            ReadYourWrites.after(ctx);
        }
        if (redirectedToCanonical(ctx, title, "")) {
            return;
        }
        Optional<User> viewer = auth.viewer(ctx);
        if (viewer.isEmpty()) {
            ViewKey key = new ViewKey(ctx.path(), ctx.queryString(), reader.changeSequence());
            AnonymousView cached = anonymousViews.getIfPresent(key);
            if (cached != null) {
                if (!Freshness.unchanged(ctx, false, cached.etag(), cached.lastModified())) {
                    ctx.contentType(HTML_UTF8).result(cached.html());
                }
                return;
            }
        }
        OptionalLong oldId = Requests.optionalId(ctx, "oldid");
        if (oldId.isPresent()) {
            render(ctx, reader.article(title, oldId.getAsLong(), viewer), Optional.empty());
            return;
        }
        Optional<Page> page = reader.find(title, viewer);
        if (page.isEmpty()) {
            Optional<CategoryView> category = title.isCategory() ? categoryView(ctx, title) : Optional.empty();
            boolean hasMembers = category.filter(c -> c.pageCount() + c.subcategoryCount() > 0).isPresent();
            MissingView view = new MissingView(title.text(), Tabs.of(title, "read", false, canEdit(viewer, Role.EDITOR)),
                    category.filter(c -> hasMembers));
            layout.render(ctx, hasMembers ? HttpStatus.OK : HttpStatus.NOT_FOUND, "page/missing.jte", view);
            return;
        }
        Article article = reader.article(page.get());
        Optional<Title> target = article.rendered().redirect();
        if (target.isPresent() && !"no".equals(ctx.queryParam("redirect"))) {
            Optional<Page> targetPage = reader.find(target.get(), viewer);
            if (targetPage.isPresent()) {
                Link from = new Link(title.wikiPath() + "?redirect=no", title.text());
                render(ctx, reader.article(targetPage.get()), Optional.of(from));
                return;
            }
        }
        render(ctx, article, Optional.empty());
    }

    private void render(Context ctx, Article article, Optional<Link> redirectedFrom) {
        Page page = article.page();
        Title title = page.title();
        Optional<User> viewer = auth.viewer(ctx);
        String etag = etag(article, redirectedFrom);
        if (Freshness.unchanged(ctx, viewer.isPresent(), etag, page.touchedAt())) {
            return;
        }
        List<Link> categoryLinks = article.rendered().categories().stream()
                .map(name -> new Link(new Title(Namespace.CATEGORY, name).wikiPath(), name))
                .toList();
        List<Link> contributors = reader.contributors(page, CONTRIBUTORS_SHOWN).stream()
                .map(author -> new Link("/special/contributions/" + author.name(), author.displayName())).toList();
        var headings = article.rendered().headings();
        Optional<CategoryView> category = title.isCategory() && article.latest() ? categoryView(ctx, title) : Optional.empty();
        Optional<FileView> file = title.namespace() == Namespace.FILE && article.latest() ? files.fileView(title, viewer) : Optional.empty();
        ArticleView view = new ArticleView(title.text(), Tabs.of(title, "read", true, canEdit(viewer, page.editRole())),
                new Html(article.html()), categoryLinks, Byline.of(article.revision().author(), article.revision().timestamp()),
                contributors, article.latest() ? Optional.empty() : Optional.of(article.revision().id()),
                page.latestRevisionId(), redirectedFrom, article.rendered().parsed().contents().shows(headings.size(), TOC_MIN_HEADINGS) ? headings : List.of(),
                page.isProtected(), category, file);
        if (viewer.isPresent()) {
            layout.render(ctx, "page/view.jte", view);
            return;
        }
        byte[] html = layout.page(ctx, "page/view.jte", view).getBytes(StandardCharsets.UTF_8);
        anonymousViews.put(new ViewKey(ctx.path(), ctx.queryString(), article.changeSequence()),
                new AnonymousView(html, etag, page.touchedAt()));
        ctx.contentType(HTML_UTF8).result(html);
    }

    /**
     * An anonymous reader's view is the same for everyone until any page changes (the change
     * number covers edits, protection, deletion and restore everywhere, hence red links and
     * category lists too). Keyed by URL and change number, a repeat view costs one query.
     */
    private record ViewKey(String path, String query, long changeSequence) {
    }

    private record AnonymousView(byte[] html, String etag, java.time.Instant lastModified) {
    }

    /**
     * What an anonymous reader's view of this article depends on: the revision shown, the page's
     * own state (protection), every other page (red links, category members), where the reader
     * was redirected from, and this build.
     */
    private String etag(Article article, Optional<Link> redirectedFrom) {
        String from = redirectedFrom.map(link -> Integer.toHexString(link.text().hashCode())).orElse("-");
        return "W/\"" + article.revision().id() + "." + article.page().touchedAt().toEpochMilli() + "."
                + article.changeSequence() + "." + from + "." + layout.version() + "\"";
    }

    private Optional<CategoryView> categoryView(Context ctx, Title title) {
        String after = Requests.query(ctx, "after");
        CategoryListing listing = categories.listing(title.name(), after, CATEGORY_PAGE);
        List<Link> subcategories = listing.subcategories().stream().map(t -> new Link(t.wikiPath(), t.name())).toList();
        List<Link> pages = listing.pages().stream().map(t -> new Link(t.wikiPath(), t.text())).toList();
        Optional<String> more = listing.nextAfter().map(next -> title.wikiPath() + "?after="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return Optional.of(new CategoryView(title.name(), LetterGroup.of(subcategories), LetterGroup.of(pages),
                subcategories.size(), pages.size(), more));
    }

    void history(Context ctx) {
        ReadYourWrites.after(ctx);
        Title title = Requests.title(ctx);
        if (redirectedToCanonical(ctx, title, "/history")) {
            return;
        }
        Optional<User> viewer = auth.viewer(ctx);
        Page page = reader.require(title, viewer);
        // One extra revision: the size change of the last row shown needs its parent's size.
        List<Revision> revisions = reader.history(title, Requests.before(ctx), HISTORY_PAGE + 1, viewer);
        List<HistoryView.Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(HISTORY_PAGE, revisions.size()); i++) {
            Revision revision = revisions.get(i);
            int parentSize = i + 1 < revisions.size() ? revisions.get(i + 1).size() : 0;
            int change = revision.size() - parentSize;
            rows.add(new HistoryView.Row(revision.id(),
                    revision.parentId().isPresent() ? Optional.of(revision.parentId().getAsLong()) : Optional.empty(),
                    Byline.of(revision.author(), revision.timestamp()), revision.summary(), revision.minor(), revision.size(),
                    signed(change), change, revision.id() == page.latestRevisionId()));
        }
        Optional<String> older = revisions.size() > HISTORY_PAGE
                ? Optional.of(title.wikiPath() + "/history?before=" + revisions.get(HISTORY_PAGE - 1).id())
                : Optional.empty();
        boolean canEdit = canEdit(viewer, page.editRole());
        boolean canRevert = canEdit && permissions.holds(viewer, Right.REVERT);
        layout.render(ctx, "page/history.jte", new HistoryView(title.text(), Tabs.of(title, "history", true, canEdit),
                rows, older, canRevert));
    }

    void diff(Context ctx) {
        ReadYourWrites.after(ctx);
        Title title = Requests.title(ctx);
        Optional<User> viewer = auth.viewer(ctx);
        Page page = reader.require(title, viewer);
        OptionalLong to = Requests.optionalId(ctx, "to");
        RevisionDiff diff = reader.diff(title, Requests.optionalId(ctx, "from"), to.orElse(page.latestRevisionId()), viewer);
        boolean inline = "inline".equals(ctx.queryParam("view"));
        String base = title.wikiPath() + "/diff";
        String layoutSuffix = inline ? "&view=inline" : "";
        Optional<String> previous = diff.previous().flatMap(p -> diff.from().map(f -> base + "?from=" + p.id() + "&to=" + f.id() + layoutSuffix));
        Optional<String> next = diff.next().map(n -> base + "?from=" + diff.to().id() + "&to=" + n.id() + layoutSuffix);
        String pair = "?" + diff.from().map(f -> "from=" + f.id() + "&").orElse("") + "to=" + diff.to().id();
        DiffView view = new DiffView(title.text(), Tabs.of(title, "history", true, canEdit(viewer, page.editRole())),
                diff.from().map(PageViews::side), side(diff.to()), table(diff.diff(), inline), previous, next,
                base + pair, base + pair + "&view=inline");
        layout.render(ctx, "page/diff.jte", view);
    }

    static DiffTable table(TextDiff diff, boolean inline) {
        return new DiffTable(diff.hunks(), diff.linesAdded(), diff.linesRemoved(), inline, diff.truncated(), diff.simplified());
    }

    // Anonymous readers are offered "Edit" too: it leads to the login form, and back.
    private boolean canEdit(Optional<User> viewer, Role pageEditRole) {
        return viewer.isEmpty() || permissions.mayEdit(viewer, pageEditRole);
    }

    private static DiffView.Side side(Revision revision) {
        return new DiffView.Side(revision.id(), Byline.of(revision.author(), revision.timestamp()), revision.summary(),
                revision.minor(), revision.size() + " bytes");
    }

    /** Sends readers of a non-canonical URL (spaces, lower-case first letter) to the canonical one. */
    static boolean redirectedToCanonical(Context ctx, Title title, String suffix) {
        String canonical = title.wikiPath() + suffix;
        if (URLDecoder.decode(ctx.path(), StandardCharsets.UTF_8).equals(URLDecoder.decode(canonical, StandardCharsets.UTF_8))) {
            return false;
        }
        String query = ctx.queryString();
        ctx.redirect(canonical + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    static String signed(int change) {
        return change > 0 ? "+" + change : Integer.toString(change);
    }
}
