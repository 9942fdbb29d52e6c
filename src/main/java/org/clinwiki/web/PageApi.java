package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.page.Article;
import org.clinwiki.page.Backlink;
import org.clinwiki.page.Edit;
import org.clinwiki.page.EditedPart;
import org.clinwiki.page.ModeratedPage;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.PageService;
import org.clinwiki.page.Previews;
import org.clinwiki.page.Revision;
import org.clinwiki.page.SaveResult;
import org.clinwiki.search.SearchService;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.title.TitlePrefix;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;

/** JSON API for pages: read, save, history, diff, revert, backlinks, preview, protection, deletion. */
final class PageApi {

    /** {@code section}: a number or {@code "new"} (with {@code sectionTitle}); absent for the whole page. */
    record SaveRequest(String markdown, String summary, Long baseRevisionId, Boolean minor, String section, String sectionTitle) {
    }

    record RevertRequest(Long revisionId, String summary) {
    }

    record PreviewRequest(String markdown) {
    }

    record ProtectionRequest(String edit, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    /** How long {@code ?wait=searchable} holds the answer; the index lags this much only while it is being rebuilt. */
    static final Duration SEARCHABLE_WAIT_LIMIT = Duration.ofSeconds(5);

    private final PageService pages;
    private final Previews previews;
    private final PageModeration moderation;
    private final PageReader reader;
    private final SearchService search;
    private final Auth auth;

    PageApi(PageService pages, Previews previews, PageModeration moderation, PageReader reader, SearchService search, Auth auth) {
        this.pages = pages;
        this.previews = previews;
        this.moderation = moderation;
        this.reader = reader;
        this.search = search;
        this.auth = auth;
    }

    void list(Context ctx) {
        TitlePrefix prefix = TitlePrefix.parse(Requests.query(ctx, "prefix"));
        Namespace namespace = prefix.namespace();
        String namespaceParam = Requests.query(ctx, "namespace");
        if (!namespaceParam.isEmpty()) {
            namespace = Namespace.ofKey(namespaceParam).orElseThrow(() ->
                    new InvalidInputException("invalid_parameter", "Unknown namespace \"" + namespaceParam + "\"."));
        }
        String afterText = Requests.query(ctx, "after");
        String after = afterText.isBlank() ? "" : Title.parse(afterText).name();
        int limit = Requests.limit(ctx);
        List<Title> titles = reader.titles(namespace, prefix.name(), after, limit + 1, auth.viewer(ctx));
        String next = titles.size() > limit ? titles.get(limit - 1).text() : null;
        ctx.json(new ApiJson.TitlesJson(ApiJson.texts(titles.subList(0, Math.min(limit, titles.size()))), next));
    }

    void get(Context ctx) {
        // Every node reads the primary database: a read shows every committed change, so ?after= needs no wait.
        ReadYourWrites.after(ctx);
        Article article = reader.article(Requests.title(ctx), auth.viewer(ctx));
        ctx.json(pageJson(article, null));
    }

    void save(Context ctx) throws InterruptedException {
        Title title = Requests.title(ctx);
        var actor = auth.actor(ctx);
        boolean waitForIndex = waitForIndex(ctx);
        SaveRequest request = Requests.body(ctx, SaveRequest.class);
        OptionalLong base = request.baseRevisionId() == null ? OptionalLong.empty() : OptionalLong.of(request.baseRevisionId());
        Edit edit = new Edit(title, request.markdown(), request.summary(), base, Boolean.TRUE.equals(request.minor()),
                EditedPart.of(request.section(), request.sectionTitle()));
        SaveResult result = pages.save(actor, edit);
        ctx.status(result.outcome() == SaveResult.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK);
        ctx.json(saveJson(ctx, result, waitForIndex ? awaitSearchable(result) : null));
    }

    /**
     * {@code ?wait=searchable}: answer a write only once search finds it, for a script that
     * searches right after it writes (Elasticsearch's {@code refresh=wait_for}). Read before
     * the write, so a mistyped value changes nothing.
     */
    private static boolean waitForIndex(Context ctx) {
        return switch (Requests.query(ctx, "wait")) {
            case "" -> false;
            case "searchable" -> true;
            default -> throw new InvalidInputException("invalid_parameter", "wait can only be \"searchable\".");
        };
    }

    void revisions(Context ctx) {
        ReadYourWrites.after(ctx);
        Title title = Requests.title(ctx);
        int limit = Requests.limit(ctx);
        List<Revision> revisions = reader.history(title, Requests.before(ctx), limit + 1, auth.viewer(ctx));
        Long next = revisions.size() > limit ? revisions.get(limit - 1).id() : null;
        ctx.json(new ApiJson.RevisionsJson(title.text(),
                revisions.subList(0, Math.min(limit, revisions.size())).stream().map(ApiJson.RevisionJson::of).toList(), next));
    }

    void revision(Context ctx) {
        ReadYourWrites.after(ctx);
        Article article = reader.article(Requests.title(ctx), Requests.pathId(ctx, "id"), auth.viewer(ctx));
        Revision revision = article.revision();
        ctx.json(new ApiJson.RevisionDetailJson(article.page().title().text(), revision.id(),
                revision.parentId().isPresent() ? revision.parentId().getAsLong() : null,
                ApiJson.AuthorJson.of(revision.author()), revision.timestamp(), revision.summary(), revision.minor(),
                revision.size(), revision.sha1(), article.markdown(), article.html().html()));
    }

    void diff(Context ctx) {
        ReadYourWrites.after(ctx);
        Title title = Requests.title(ctx);
        Optional<User> viewer = auth.viewer(ctx);
        OptionalLong to = Requests.optionalId(ctx, "to");
        long toId = to.isPresent() ? to.getAsLong() : reader.require(title, viewer).latestRevisionId();
        ctx.json(ApiJson.DiffJson.of(reader.diff(title, Requests.optionalId(ctx, "from"), toId, viewer)));
    }

    void revert(Context ctx) throws InterruptedException {
        Title title = Requests.title(ctx);
        var actor = auth.actor(ctx);
        boolean waitForIndex = waitForIndex(ctx);
        RevertRequest request = Requests.body(ctx, RevertRequest.class);
        if (request.revisionId() == null) {
            throw new InvalidInputException("missing_revision_id", "revisionId is required.");
        }
        SaveResult result = pages.revert(actor, title, request.revisionId(), request.summary());
        ctx.json(saveJson(ctx, result, waitForIndex ? awaitSearchable(result) : null));
    }

    void backlinks(Context ctx) {
        Title title = Requests.title(ctx);
        Optional<Title> after = Requests.afterTitle(ctx);
        int limit = Requests.limit(ctx);
        List<Backlink> links = reader.backlinks(title, after, limit + 1);
        String next = links.size() > limit ? links.get(limit - 1).title().text() : null;
        ctx.json(new ApiJson.BacklinksJson(title.text(),
                links.subList(0, Math.min(limit, links.size())).stream().map(ApiJson.BacklinkJson::of).toList(), next));
    }

    /** Live pages that transclude the title ({@code {{Name}}} for Template:Name), at any depth, by title. */
    void transclusions(Context ctx) {
        Title title = Requests.title(ctx);
        Optional<Title> after = Requests.afterTitle(ctx);
        int limit = Requests.limit(ctx);
        List<Title> users = reader.transclusions(title, after, limit + 1);
        String next = users.size() > limit ? users.get(limit - 1).text() : null;
        ctx.json(new ApiJson.TransclusionsJson(title.text(), ApiJson.texts(users.subList(0, Math.min(limit, users.size()))), next));
    }

    void preview(Context ctx) {
        var actor = auth.actor(ctx);
        PreviewRequest request = Requests.body(ctx, PreviewRequest.class);
        ctx.json(new ApiJson.HtmlJson(previews.preview(actor, request.markdown()).html()));
    }

    void protect(Context ctx) {
        Title title = Requests.title(ctx);
        var actor = auth.actor(ctx);
        ProtectionRequest request = Requests.body(ctx, ProtectionRequest.class);
        Role role = Role.ofKey(request.edit()).filter(r -> r != Role.READER).orElseThrow(() ->
                new InvalidInputException("invalid_protection", "\"edit\" must be \"editor\" or \"admin\"."));
        ModeratedPage changed = moderation.protect(actor, title, role, request.reason());
        ReadYourWrites.committed(ctx, changed.changeSequence());
        ctx.json(pageJson(reader.article(changed.page().title(), Optional.of(actor.user())), changed.changeSequence()));
    }

    void delete(Context ctx) {
        Title title = Requests.title(ctx);
        var actor = auth.actor(ctx);
        String reason = Requests.optionalBody(ctx, ReasonRequest.class, new ReasonRequest(Requests.query(ctx, "reason"))).reason();
        ReadYourWrites.committed(ctx, moderation.delete(actor, title, reason).changeSequence());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void restore(Context ctx) {
        Title title = Requests.title(ctx);
        var actor = auth.actor(ctx);
        String reason = Requests.optionalBody(ctx, ReasonRequest.class, new ReasonRequest("")).reason();
        ModeratedPage changed = moderation.restore(actor, title, reason);
        ReadYourWrites.committed(ctx, changed.changeSequence());
        ctx.json(pageJson(reader.article(changed.page().title(), Optional.of(actor.user())), changed.changeSequence()));
    }

    private static ApiJson.PageJson pageJson(Article article, Long changeSeq) {
        Page page = article.page();
        return new ApiJson.PageJson(page.title().text(), page.title().namespace().key(),
                ApiJson.RevisionJson.of(article.revision()), article.markdown(), article.html().html(),
                article.rendered().categories(), article.rendered().redirect().map(Title::text).orElse(null),
                page.editRole().key(), page.deleted(), changeSeq);
    }

    /** Whether the write became searchable in time; it has committed either way, so running out is no error. */
    private boolean awaitSearchable(SaveResult result) throws InterruptedException {
        OptionalLong change = result.changeSequence();
        // Unchanged text wrote nothing: what the page holds was saved earlier, perhaps a moment ago.
        return change.isPresent() ? search.awaitSearchable(change.getAsLong(), SEARCHABLE_WAIT_LIMIT)
                : search.awaitCurrent(SEARCHABLE_WAIT_LIMIT);
    }

    private ApiJson.SaveJson saveJson(Context ctx, SaveResult result, Boolean searchable) {
        long changeSeq = ReadYourWrites.committed(ctx, result.changeSequence(), reader::changeSequence);
        return new ApiJson.SaveJson(result.page().title().text(), result.outcome().name().toLowerCase(Locale.ROOT),
                result.changed(), ApiJson.RevisionJson.of(result.revision()), changeSeq, searchable);
    }
}
