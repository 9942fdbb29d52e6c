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
record Stores(PageStore pages, RevisionStore revisions, CategoryAssignments categories) {

    static Stores of(Transaction handle) {
        return new Stores(handle.attach(PageStore.class), handle.attach(RevisionStore.class),
                new CategoryAssignments(handle));
    }

    /** Writes a revision whose size, hash and connections were worked out before the transaction. */
    Revision write(long pageId, OptionalLong parentId, Actor actor, Prepared prepared, String summary, boolean minor,
                   Instant now) {
        int size = prepared.size();
        String sha1 = prepared.sha1();
        PageConnections connections = prepared.connections();
        long id = revisions.insert(pageId, parentId.isPresent() ? parentId.getAsLong() : null, actor.user().id(),
                actor.user().credentials(), now, summary, minor, size, sha1, prepared.text());
        pages.setLatest(pageId, id, now);
        pages.recordChange(pageId);
        // A page's first revision has nothing of its own to clear: an import creates most pages.
        boolean firstRevision = parentId.isEmpty();
        if (!firstRevision) {
            pages.clearLinks(pageId);
            categories.clear(pageId);
            pages.clearRedirect(pageId);
        }
        List<Title> links = connections.links();
        if (!links.isEmpty()) {
            pages.addLinks(pageId, links.stream().map(t -> t.namespace().key()).toList(), links.stream().map(Title::name).toList());
        }
        categories.add(pageId, connections.categories());
        connections.redirect().ifPresent(target -> pages.addRedirect(pageId, target.namespace().key(), target.name()));
        // As stored (times in milliseconds), without reading it back: an import writes thousands.
        User author = actor.user();
        return new Revision(id, pageId, parentId, new Author(author.name(), author.displayName(), author.credentials()),
                now.truncatedTo(ChronoUnit.MILLIS), summary, minor, size, sha1);
    }
}
