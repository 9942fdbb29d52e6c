package org.clinwiki.page;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import org.clinwiki.category.CategoryAssignments;
import org.clinwiki.db.Transaction;
import org.clinwiki.render.PageConnections;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.User;

/**
 * The stores of one write transaction, attached once (attaching a JDBI SQL object costs more
 * than most of the statements it runs, which matters when an import writes thousands of
 * pages), and the one way a new revision is written with its links, categories and redirect.
 */
record Stores(PageStore pages, RevisionStore revisions, CategoryAssignments categories, TemplateStore templates) {

    static Stores of(Transaction handle) {
        return new Stores(handle.attach(PageStore.class), handle.attach(RevisionStore.class),
                new CategoryAssignments(handle), handle.attach(TemplateStore.class));
    }

    /** Writes a revision whose size, hash and connections were worked out before the transaction. */
    Revision write(long pageId, Title title, OptionalLong parentId, Actor actor, Prepared prepared, String summary,
                   boolean minor, Instant now) {
        int size = prepared.size();
        String sha1 = prepared.sha1();
        PageConnections connections = prepared.connections();
        long id = revisions.insert(pageId, parentId.isPresent() ? parentId.getAsLong() : null, actor.user().id(),
                actor.user().credentials(), now, summary, minor, size, sha1, prepared.text());
        pages.setLatest(pageId, id, now);
        pages.recordChange(pageId);
        writeConnections(pageId, connections, parentId.isEmpty());
        // Pages that use this one show its new text on their next view; their links and categories catch up in the background.
        templates.queueChange(title.namespace().key(), title.name(), now.toEpochMilli());
        // As stored (times in milliseconds), without reading it back: an import writes thousands.
        User author = actor.user();
        return new Revision(id, pageId, parentId, new Author(author.name(), author.displayName(), author.credentials()),
                now.truncatedTo(ChronoUnit.MILLIS), summary, minor, size, sha1);
    }

    /** Replaces what the page's latest text says about other pages: links, categories, redirect, transclusions. */
    void writeConnections(long pageId, PageConnections connections, boolean firstRevision) {
        // A page's first revision has nothing of its own to clear: an import creates most pages.
        if (!firstRevision) {
            pages.clearLinks(pageId);
            categories.clear(pageId);
            pages.clearRedirect(pageId);
            templates.clear(pageId);
        }
        List<Title> links = connections.links();
        if (!links.isEmpty()) {
            pages.addLinks(pageId, links.stream().map(t -> t.namespace().key()).toList(), links.stream().map(Title::name).toList());
        }
        categories.add(pageId, connections.categories());
        connections.redirect().ifPresent(target -> pages.addRedirect(pageId, target.namespace().key(), target.name()));
        List<Title> used = connections.templates();
        if (!used.isEmpty()) {
            templates.add(pageId, used.stream().map(t -> t.namespace().key()).toList(), used.stream().map(Title::name).toList());
        }
    }
}
