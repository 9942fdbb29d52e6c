package org.clinwiki.page;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.db.Database;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.render.Signatures;
import org.clinwiki.user.Actor;

/**
 * Turns what an editor submitted into the whole page's text, before it is parsed and merged:
 * signatures expanded, and a section (or a new section) put back into the revision it was
 * based on. The result is an ordinary whole-page edit from that revision.
 */
final class WholePageEdits {

    private final Database database;
    private final Clock clock;

    WholePageEdits(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The edit as a whole-page edit from its base revision: signatures ({@code ~~~~}) expanded
     * to the author's, and a section put back into the text it was cut from.
     */
    Edit of(Actor actor, Edit edit) {
        String text = Signatures.expand(edit.markdown(), actor.user().name(), actor.user().displayName(), clock.instant());
        EditedPart part = edit.part();
        if (part.kind() == EditedPart.Kind.WHOLE_PAGE) {
            return edit.asWholePage(text, edit.summary(), edit.baseRevisionId());
        }
        if (edit.baseRevisionId().isEmpty() && part.kind() == EditedPart.Kind.SECTION) {
            throw new InvalidInputException("missing_base_revision",
                    "Editing a section needs the revision it was cut from (baseRevisionId).");
        }
        record Base(OptionalLong id, String text) {
        }
        Base base = database.read(handle -> {
            Optional<Page> page = handle.attach(PageStore.class).find(edit.title()).filter(p -> !p.deleted());
            RevisionStore revisions = handle.attach(RevisionStore.class);
            if (edit.baseRevisionId().isEmpty()) {
                // A new section on the latest revision, or on a page that does not exist yet.
                return page.map(p -> new Base(OptionalLong.of(p.latestRevisionId()), revisions.content(p.latestRevisionId())))
                        .orElse(new Base(OptionalLong.empty(), ""));
            }
            long baseId = edit.baseRevisionId().getAsLong();
            Page found = page.orElseThrow(() -> new PageNotFoundException(edit.title()));
            revisions.find(baseId).filter(revision -> revision.pageId() == found.id()).orElseThrow(() ->
                    new InvalidInputException("invalid_base_revision", "Revision " + baseId + " is not a revision of \""
                            + edit.title().text() + "\"."));
            return new Base(edit.baseRevisionId(), revisions.content(baseId));
        });
        String summary = edit.summary() == null || edit.summary().isBlank() ? part.defaultSummary(base.text()) : edit.summary();
        return edit.asWholePage(part.applyTo(base.text(), text), summary, base.id());
    }
}
