package org.clinwiki.page;

import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.RenderedPage;

/**
 * A save's result; the change with what its text says, for those following changes once it has
 * committed; and its rendering, when the change had one already (a revert shares its target's).
 */
record Saved(SaveResult result, Optional<Saved.Handed> handed, Optional<RenderedPage> rendered) {

    Saved(SaveResult result, Optional<Handed> handed) {
        this(result, handed, Optional.empty());
    }

    /** An edit's change as the page feed would give it, and its parsed text: handed to the search index whole. */
    record Handed(PageSnapshot change, ParsedPage parsed) {
    }

    /** A written edit, whose result carries the change number of the change it hands over. */
    static Saved written(SaveResult.Outcome outcome, Page page, Revision revision, Optional<Handed> handed) {
        OptionalLong sequence = handed.map(given -> OptionalLong.of(given.change().seq())).orElse(OptionalLong.empty());
        return new Saved(new SaveResult(outcome, page, revision, sequence), handed);
    }

    /**
     * What the search index needs of a saved edit, so it can index it without reading it back.
     * Imports parse nothing and hand nothing: the index reads them in batches from the feed.
     * Call inside the save's transaction: the change number is the one it took.
     */
    static Optional<Handed> handed(PageStore pages, Page page, Revision revision, Prepared saved) {
        return saved.parsed().map(parsed -> new Handed(new PageSnapshot(pages.changeSequence(), page.id(), page.title(), false,
                revision.id(), revision.timestamp(), revision.author().name(), saved.text()), parsed));
    }
}
