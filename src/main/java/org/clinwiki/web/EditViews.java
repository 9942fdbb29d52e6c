package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.error.WikiException;
import org.clinwiki.page.Article;
import org.clinwiki.page.Edit;
import org.clinwiki.page.EditedPart;
import org.clinwiki.render.Sections;
import org.clinwiki.page.EditConflictException;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.PageService;
import org.clinwiki.page.Previews;
import org.clinwiki.page.Revision;
import org.clinwiki.page.SaveResult;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;
import org.clinwiki.web.view.Byline;
import org.clinwiki.web.view.EditView;
import org.clinwiki.web.view.Html;
import org.clinwiki.web.view.RevertView;

/**
 * HTML pages that change pages: the edit form (with preview and conflict resolution) and
 * revert with confirmation. Every post passed the CSRF check before reaching here.
 */
final class EditViews {

    private final PageService pages;
    private final Previews previews;
    private final PageReader reader;
    private final Permissions permissions;
    private final Layout layout;
    private final Auth auth;

    EditViews(PageService pages, Previews previews, PageReader reader, Permissions permissions, Layout layout, Auth auth) {
        this.pages = pages;
        this.previews = previews;
        this.reader = reader;
        this.permissions = permissions;
        this.layout = layout;
        this.auth = auth;
    }

    /** The form, filled with the latest text (or empty, for a new page). */
    void edit(Context ctx) {
        Title title = Requests.title(ctx);
        if (PageViews.redirectedToCanonical(ctx, title, "/edit")) {
            return;
        }
        Optional<User> viewer = auth.viewer(ctx);
        if (viewer.isEmpty()) {
            SessionViews.sendToLogin(ctx);
            return;
        }
        Optional<Page> page = reader.find(title, viewer);
        String markdown = page.map(p -> reader.markdown(p.latestRevisionId())).orElse("");
        Optional<Long> base = page.map(Page::latestRevisionId);
        Role editRole = page.map(Page::editRole).orElse(Role.EDITOR);
        Optional<String> readOnly = readOnlyReason(viewer.get(), editRole, page);
        EditView.Part part = part(ctx.queryParam("section"), "");
        String summary = "";
        if (part.isNew()) {
            markdown = "";
        } else if (part.isSection()) {
            Sections sections = Sections.of(markdown);
            int number = sectionNumber(part.section(), sections);
            summary = sections.get(number).filter(s -> !s.heading().isEmpty()).map(s -> "/* " + s.heading() + " */ ").orElse("");
            markdown = sections.text(number);
        }
        EditView view = new EditView(title.text(), Tabs.of(title, "edit", page.isPresent(), readOnly.isEmpty()), markdown, summary,
                false, base, page.isEmpty(), Optional.empty(), Optional.empty(), Optional.empty(), readOnly, part);
        layout.render(ctx, readOnly.isPresent() ? HttpStatus.FORBIDDEN : HttpStatus.OK, "page/edit.jte", view);
    }

    private static EditView.Part part(String section, String sectionTitle) {
        if (section == null || section.isBlank()) {
            return EditView.Part.WHOLE_PAGE;
        }
        return new EditView.Part(section.strip(), sectionTitle == null ? "" : sectionTitle);
    }

    private static int sectionNumber(String section, Sections sections) {
        try {
            int number = Integer.parseInt(section);
            if (sections.get(number).isPresent()) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, as any number the page has no section for.
        }
        throw new InvalidInputException("invalid_section", "This page has no section \"" + section + "\".");
    }

    /** Saves, previews, or shows a conflict to resolve. The user's text is never dropped. */
    void save(Context ctx) {
        Title title = Requests.title(ctx);
        Actor actor = auth.actor(ctx);
        String markdown = Optional.ofNullable(ctx.formParam("markdown")).orElse("");
        String summary = Optional.ofNullable(ctx.formParam("summary")).orElse("");
        boolean minor = "true".equals(ctx.formParam("minor"));
        Optional<Long> base = Optional.ofNullable(ctx.formParam("baseRevisionId")).filter(s -> !s.isBlank()).map(EditViews::id);
        boolean creating = base.isEmpty();
        EditView.Part part = part(ctx.formParam("section"), ctx.formParam("sectionTitle"));
        if ("preview".equals(ctx.formParam("action"))) {
            Html preview;
            try {
                preview = new Html(previews.preview(actor, markdown));
            } catch (RuntimeException e) {
                refused(ctx, e, title, markdown, summary, minor, base, creating, part);
                return;
            }
            form(ctx, HttpStatus.OK, title, markdown, summary, minor, base, creating, Optional.of(preview), Optional.empty(),
                    Optional.empty(), part);
            return;
        }
        try {
            Edit edit = new Edit(title, markdown, summary,
                    base.map(OptionalLong::of).orElse(OptionalLong.empty()), minor, EditedPart.of(part.section(), part.sectionTitle()));
            SaveResult saved = pages.save(actor, edit);
            ReadYourWrites.committed(ctx, saved.changeSequence(), reader::changeSequence);
            ctx.redirect(title.wikiPath() + anchorOf(part), HttpStatus.SEE_OTHER);
        } catch (EditConflictException conflict) {
            Revision latest = reader.revision(title, conflict.latestRevisionId(), Optional.of(actor.user()));
            // Their change: from what this editor started with (or nothing) to the latest text.
            String baseText = base.map(reader::markdown).orElse("");
            var theirChange = PageViews.table(reader.compare(baseText, conflict.latestMarkdown()), true);
            var details = new EditView.Conflict(latest.id(), Byline.of(latest.author(), latest.timestamp()),
                    conflict.latestMarkdown(), theirChange);
            // A section's conflict is resolved on the whole page: the clash may reach beyond the section.
            form(ctx, Errors.status(conflict), title, conflict.yourMarkdown(), summary, minor, Optional.of(latest.id()), false,
                    Optional.empty(), Optional.of("Your changes were not saved yet: someone else saved this page meanwhile."),
                    Optional.of(details), EditView.Part.WHOLE_PAGE);
        } catch (RuntimeException e) {
            refused(ctx, e, title, markdown, summary, minor, base, creating, part);
        }
    }

    /** After saving a section, the reader lands on it, as on MediaWiki. */
    private static String anchorOf(EditView.Part part) {
        return part.isNew() ? "#" + Sections.headingId(part.sectionTitle()) : "";
    }

    /**
     * A save or preview that failed: the form again, with the editor's text and the reason, answered
     * with the status and headers (Retry-After) the API gives the same failure. Bugs go to the error page.
     */
    private void refused(Context ctx, RuntimeException failure, Title title, String markdown, String summary, boolean minor,
                         Optional<Long> base, boolean creating, EditView.Part part) {
        WikiException e = Errors.forForm(failure);
        Errors.headers(ctx, e);
        form(ctx, Errors.status(e), title, markdown, summary, minor, base, creating, Optional.empty(),
                Optional.of(e.getMessage()), Optional.empty(), part);
    }

    private void form(Context ctx, HttpStatus status, Title title, String markdown, String summary, boolean minor,
                      Optional<Long> base, boolean creating, Optional<Html> preview, Optional<String> error,
                      Optional<EditView.Conflict> conflict, EditView.Part part) {
        EditView view = new EditView(title.text(), Tabs.of(title, "edit", !creating, true), markdown, summary, minor, base,
                creating, preview, error, conflict, Optional.empty(), part);
        layout.render(ctx, status, "page/edit.jte", view);
    }

    /** "Revert to revision N?": what would change, and the button. */
    void confirmRevert(Context ctx) {
        Title title = Requests.title(ctx);
        Optional<User> viewer = auth.viewer(ctx);
        if (viewer.isEmpty()) {
            SessionViews.sendToLogin(ctx);
            return;
        }
        Page page = reader.require(title, viewer);
        long target = Requests.optionalId(ctx, "to").orElseThrow(() ->
                new InvalidInputException("invalid_parameter", "Say which revision to revert to (?to=N)."));
        permissions.require(viewer.get(), Right.REVERT);
        permissions.requireEdit(viewer.get(), page.editRole());
        Article old = reader.article(title, target, viewer);
        var change = reader.diff(title, OptionalLong.of(page.latestRevisionId()), target, viewer);
        RevertView view = new RevertView(title.text(), Tabs.of(title, "history", true, true), target,
                Byline.of(old.revision().author(), old.revision().timestamp()), old.revision().summary(),
                PageViews.table(change.diff(), true));
        layout.render(ctx, "page/revert.jte", view);
    }

    void revert(Context ctx) {
        Title title = Requests.title(ctx);
        Actor actor = auth.actor(ctx);
        String revision = ctx.formParam("revisionId");
        if (revision == null || revision.isBlank()) {
            throw new InvalidInputException("missing_revision_id", "Say which revision to revert to.");
        }
        SaveResult reverted = pages.revert(actor, title, id(revision), ctx.formParam("summary"));
        ReadYourWrites.committed(ctx, reverted.changeSequence(), reader::changeSequence);
        ctx.redirect(title.wikiPath() + "/history", HttpStatus.SEE_OTHER);
    }

    private Optional<String> readOnlyReason(User user, Role editRole, Optional<Page> page) {
        if (permissions.mayEdit(Optional.of(user), editRole)) {
            if (page.isPresent() && page.get().deleted()) {
                return Optional.of("This page was deleted; an administrator can restore it.");
            }
            return Optional.empty();
        }
        Optional<String> refusal = permissions.refusal(user).map(Exception::getMessage);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (!user.role().atLeast(Role.EDITOR)) {
            return Optional.of("Your account can read but not edit. Ask an administrator for the editor role.");
        }
        return Optional.of("This page is protected: only administrators can edit it.");
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_parameter", "A revision id must be a whole number.");
        }
    }
}
