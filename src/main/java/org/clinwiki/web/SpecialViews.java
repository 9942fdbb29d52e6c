package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.category.CategoryService;
import org.clinwiki.category.CategorySummary;
import org.clinwiki.page.RecentEdit;
import org.clinwiki.page.RecentChanges;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.Wanted;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.title.TitlePrefix;
import org.clinwiki.audit.AuditEntry;
import org.clinwiki.user.User;
import org.clinwiki.user.UserAdministration;
import org.clinwiki.user.UserService;
import org.clinwiki.web.view.AuditView;
import org.clinwiki.web.view.Byline;
import org.clinwiki.web.view.ChangeRow;
import org.clinwiki.web.view.ChangesView;
import org.clinwiki.web.view.Dates;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.TitleListView;

/** The special pages: recent changes, contributions, all pages, categories, wanted, orphaned, random. */
final class SpecialViews {

    private static final int CHANGES_PAGE = 100;
    private static final int TITLES_PAGE = 200;
    private static final int AUDIT_PAGE = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final RecentChanges changes;
    private final PageReader reader;
    private final CategoryService categories;
    private final UserService users;
    private final UserAdministration administration;
    private final Layout layout;
    private final Auth auth;

    SpecialViews(RecentChanges changes, PageReader reader, CategoryService categories, UserService users,
                 UserAdministration administration, Layout layout, Auth auth) {
        this.changes = changes;
        this.reader = reader;
        this.categories = categories;
        this.users = users;
        this.administration = administration;
        this.layout = layout;
        this.auth = auth;
    }

    void recentChanges(Context ctx) {
        String namespaceKey = Requests.query(ctx, "namespace");
        Optional<Namespace> namespace = namespaceKey.isEmpty() ? Optional.empty() : Optional.of(Namespace.ofKey(namespaceKey)
                .orElseThrow(() -> new InvalidInputException("invalid_parameter", "Unknown namespace \"" + namespaceKey + "\".")));
        boolean hideMinor = Requests.flag(ctx, "hideMinor");
        var filter = new RecentChanges.Filter(Requests.before(ctx), namespace, hideMinor, CHANGES_PAGE + 1);
        List<RecentEdit> found = changes.recent(filter, auth.viewer(ctx));
        Optional<String> older = found.size() > CHANGES_PAGE
                ? Optional.of("/special/recent-changes?before=" + found.get(CHANGES_PAGE - 1).revision().id()
                        + (namespaceKey.isEmpty() ? "" : "&namespace=" + namespaceKey) + (hideMinor ? "&hideMinor=true" : ""))
                : Optional.empty();
        layout.render(ctx, "special/changes.jte", new ChangesView("Recent changes", Optional.empty(),
                days(found.subList(0, Math.min(CHANGES_PAGE, found.size()))), hideMinor, namespaceKey,
                namespaceOptions(namespaceKey, "All namespaces"), older));
    }

    void audit(Context ctx) {
        if (auth.viewer(ctx).isEmpty()) {
            SessionViews.sendToLogin(ctx);
            return;
        }
        User viewer = auth.actor(ctx).user();
        String action = Requests.query(ctx, "action").strip();
        List<AuditEntry> entries = administration.auditLog(viewer, action, Requests.before(ctx), AUDIT_PAGE + 1);
        List<AuditView.Row> rows = entries.subList(0, Math.min(AUDIT_PAGE, entries.size())).stream()
                .map(entry -> new AuditView.Row(Dates.shown(entry.timestamp()), Dates.iso(entry.timestamp()), entry.actor(),
                        entry.action(), entry.target(), entry.address(), entry.reason(), entry.details()))
                .toList();
        Optional<String> older = entries.size() > AUDIT_PAGE
                ? Optional.of("/special/audit?action=" + encode(action) + "&before=" + entries.get(AUDIT_PAGE - 1).id())
                : Optional.empty();
        layout.render(ctx, "special/audit.jte", new AuditView(rows, action, older));
    }

    void contributions(Context ctx) {
        User user = users.require(ctx.pathParam("name"));
        List<RecentEdit> found = changes.contributions(user.name(), Requests.before(ctx), CHANGES_PAGE + 1, auth.viewer(ctx));
        Optional<String> older = found.size() > CHANGES_PAGE
                ? Optional.of("/special/contributions/" + user.name() + "?before=" + found.get(CHANGES_PAGE - 1).revision().id())
                : Optional.empty();
        Byline byline = new Byline(user.name(), user.displayName(), user.credentials(), "", "");
        layout.render(ctx, "special/changes.jte", new ChangesView("Contributions of " + user.displayName(), Optional.of(byline),
                days(found.subList(0, Math.min(CHANGES_PAGE, found.size()))), false, "", List.of(), older));
    }

    void allPages(Context ctx) {
        TitlePrefix prefix = TitlePrefix.parse(Requests.query(ctx, "prefix"));
        String namespaceKey = Requests.query(ctx, "namespace");
        Namespace namespace = namespaceKey.isEmpty() ? prefix.namespace() : Namespace.ofKey(namespaceKey)
                .orElseThrow(() -> new InvalidInputException("invalid_parameter", "Unknown namespace \"" + namespaceKey + "\"."));
        String after = Requests.query(ctx, "after");
        List<Title> titles = reader.titles(namespace, prefix.name(), after, TITLES_PAGE + 1, auth.viewer(ctx));
        List<TitleListView.Item> items = titles.subList(0, Math.min(TITLES_PAGE, titles.size())).stream()
                .map(title -> new TitleListView.Item(new Link(title.wikiPath(), title.text()), "", false)).toList();
        Optional<String> next = titles.size() > TITLES_PAGE
                ? Optional.of("/special/all-pages?namespace=" + namespace.key() + "&prefix=" + encode(prefix.name())
                        + "&after=" + encode(titles.get(TITLES_PAGE - 1).name()))
                : Optional.empty();
        layout.render(ctx, "special/titles.jte", new TitleListView("All pages", "Every page, in alphabetical order.",
                "/special/all-pages", items, true, prefix.name(), namespaceOptions(namespace.key(), null), next));
    }

    void categories(Context ctx) {
        String prefix = Requests.query(ctx, "prefix");
        String after = Requests.query(ctx, "after");
        List<CategorySummary> found = categories.list(prefix, after, TITLES_PAGE + 1);
        List<TitleListView.Item> items = found.subList(0, Math.min(TITLES_PAGE, found.size())).stream()
                .map(category -> new TitleListView.Item(
                        new Link(new Title(Namespace.CATEGORY, category.name()).wikiPath(), category.name()),
                        category.members() + (category.members() == 1 ? " page" : " pages"), false)).toList();
        Optional<String> next = found.size() > TITLES_PAGE
                ? Optional.of("/special/categories?prefix=" + encode(prefix) + "&after=" + encode(found.get(TITLES_PAGE - 1).name()))
                : Optional.empty();
        layout.render(ctx, "special/titles.jte", new TitleListView("Categories",
                "Every category that has pages or a description, with how many pages it holds.", "/special/categories",
                items, true, prefix, List.of(), next));
    }

    void wantedPages(Context ctx) {
        List<Wanted> wanted = reader.wanted(TITLES_PAGE);
        List<TitleListView.Item> items = wanted.stream().map(w -> new TitleListView.Item(
                new Link(w.title().wikiPath(), w.title().text()),
                w.links() + (w.links() == 1 ? " link" : " links"), true)).toList();
        layout.render(ctx, "special/titles.jte", new TitleListView("Wanted pages",
                "Pages that other pages link to but nobody has written yet, most wanted first.", "/special/wanted-pages",
                items, false, "", List.of(), Optional.empty()));
    }

    void orphanedPages(Context ctx) {
        String after = Requests.query(ctx, "after");
        List<Title> orphans = reader.orphaned(after, TITLES_PAGE + 1);
        List<TitleListView.Item> items = orphans.subList(0, Math.min(TITLES_PAGE, orphans.size())).stream()
                .map(title -> new TitleListView.Item(new Link(title.wikiPath(), title.text()), "", false)).toList();
        Optional<String> next = orphans.size() > TITLES_PAGE
                ? Optional.of("/special/orphaned-pages?after=" + encode(orphans.get(TITLES_PAGE - 1).name())) : Optional.empty();
        layout.render(ctx, "special/titles.jte", new TitleListView("Orphaned pages",
                "Articles no other page links to. Linking them from related pages helps readers find them.",
                "/special/orphaned-pages", items, false, "", List.of(), next));
    }

    void random(Context ctx) {
        Title title = reader.random().orElse(Title.parse("Main Page"));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(title.wikiPath(), HttpStatus.FOUND);
    }

    private static List<ChangesView.Day> days(List<RecentEdit> found) {
        Map<String, List<ChangeRow>> byDay = new LinkedHashMap<>();
        for (RecentEdit change : found) {
            var revision = change.revision();
            Title title = change.title();
            String path = title.wikiPath();
            Optional<String> diff = revision.parentId().isPresent()
                    ? Optional.of(path + "/diff?from=" + revision.parentId().getAsLong() + "&to=" + revision.id()) : Optional.empty();
            ChangeRow row = new ChangeRow(new Link(path, title.text()), TIME.format(revision.timestamp()),
                    revision.timestamp().toString(), Byline.of(revision.author(), revision.timestamp()), revision.summary(),
                    revision.minor(), change.createdPage(), PageViews.signed(change.sizeChange()), change.sizeChange(), diff,
                    path + "/history");
            byDay.computeIfAbsent(DAY.format(revision.timestamp()), day -> new ArrayList<>()).add(row);
        }
        return byDay.entrySet().stream().map(entry -> new ChangesView.Day(entry.getKey(), entry.getValue())).toList();
    }

    private static List<ChangesView.Option> namespaceOptions(String selected, String allLabel) {
        List<ChangesView.Option> options = new ArrayList<>();
        if (allLabel != null) {
            options.add(new ChangesView.Option("", allLabel, selected.isEmpty()));
        }
        for (Namespace namespace : Namespace.values()) {
            String label = namespace == Namespace.MAIN ? "Articles" : namespace.prefix();
            options.add(new ChangesView.Option(namespace.key(), label, namespace.key().equals(selected)));
        }
        return options;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
