package org.clinwiki.page;

import org.clinwiki.render.ParsedPage;

/**
 * Told after a transaction that changed pages has committed (a save, revert, deletion or
 * restore), so that derived state such as the search index can catch up from the database.
 */
@FunctionalInterface
public interface PageListener {

    void pagesChanged();

    /**
     * A save committed revision {@code revisionId}, whose text says {@code parsed} (worked out
     * while saving, so a follower need not parse the text again). Otherwise as {@link #pagesChanged}.
     */
    default void revisionSaved(long revisionId, ParsedPage parsed) {
        pagesChanged();
    }

    PageListener NONE = () -> { };
}
