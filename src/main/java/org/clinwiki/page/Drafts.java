package org.clinwiki.page;

import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.db.Database;
import org.clinwiki.diff.ThreeWayMerge;

/**
 * What an edit would write against the page as it is now: the editor's text, or, when the page
 * moved on since the edit's base revision, the merge of both changes. Read and merged outside
 * any transaction; the save's transaction then writes the draft only if the page is still as the
 * draft was made against. Thread-safe.
 */
final class Drafts {

    private final Database database;
    private final long maxPageBytes;

    Drafts(Database database, long maxPageBytes) {
        this.database = database;
        this.maxPageBytes = maxPageBytes;
    }

    /** Text to write, made against the page's latest revision {@code against} (empty: against no page at all). */
    record Draft(Prepared prepared, OptionalLong against, SaveResult.Outcome outcome) {

        /** Whether the page is still as the draft was made against, so writing it loses no one's edit. */
        boolean madeAgainst(Optional<Page> existing) {
            OptionalLong now = existing.map(page -> OptionalLong.of(page.latestRevisionId())).orElse(OptionalLong.empty());
            return now.equals(against);
        }
    }

    /** The page as an edit found it, with the texts a merge needs when the edit's base is not the latest revision. */
    private record Basis(Optional<Page> page, Optional<Revision> baseRevision, String baseText, String latestText) {
    }

    /** The draft of {@code edit}, whose own text is {@code mine}; a clash throws {@link EditConflictException}. */
    Draft draft(Edit edit, Prepared mine) {
        Basis basis = database.read(handle -> {
            PageStore pages = handle.attach(PageStore.class);
            RevisionStore revisions = handle.attach(RevisionStore.class);
            Optional<Page> page = pages.find(edit.title());
            OptionalLong base = edit.baseRevisionId();
            if (page.isEmpty() || base.isEmpty() || base.getAsLong() == page.get().latestRevisionId()) {
                return new Basis(page, Optional.empty(), "", "");
            }
            Optional<Revision> baseRevision = revisions.find(base.getAsLong())
                    .filter(revision -> revision.pageId() == page.get().id());
            return new Basis(page, baseRevision, baseRevision.map(revision -> revisions.content(revision.id())).orElse(""),
                    revisions.content(page.get().latestRevisionId()));
        });
        OptionalLong latest = basis.page().map(page -> OptionalLong.of(page.latestRevisionId())).orElse(OptionalLong.empty());
        if (basis.page().isEmpty() || basis.page().get().deleted() || edit.baseRevisionId().isEmpty()
                || edit.baseRevisionId().getAsLong() == latest.getAsLong()) {
            // Nothing to merge; the transaction checks the rest.
            return new Draft(mine, latest, basis.page().isEmpty() ? SaveResult.Outcome.CREATED : SaveResult.Outcome.SAVED);
        }
        Page page = basis.page().get();
        long base = edit.baseRevisionId().getAsLong();
        if (basis.baseRevision().isEmpty()) {
            throw new InvalidInputException("invalid_base_revision",
                    "Revision " + base + " is not a revision of \"" + page.title().text() + "\".");
        }
        String merged = ThreeWayMerge.merge(basis.baseText(), basis.latestText(), mine.text())
                .orElseThrow(() -> new EditConflictException(page.latestRevisionId(), basis.latestText(), mine.text(),
                        "Someone else changed the same part of the page since revision " + base + "."));
        PageText.requireWithin(merged, maxPageBytes);
        return new Draft(mine.forText(merged), latest, SaveResult.Outcome.MERGED);
    }
}
