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
     * A save committed {@code change}, whose text says {@code parsed}: the change as the page feed
     * would give it, and what saving worked out, so a follower need neither read nor parse it
     * again. Otherwise as {@link #pagesChanged}.
     */
    default void revisionSaved(PageSnapshot change, ParsedPage parsed) {
        pagesChanged();
    }

    PageListener NONE = () -> { };
}
