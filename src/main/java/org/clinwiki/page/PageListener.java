package org.clinwiki.page;

/**
 * Told after a transaction that changed pages has committed (a save, revert, deletion or
 * restore), so that derived state such as the search index can catch up from the database.
 */
@FunctionalInterface
public interface PageListener {

    void pagesChanged();

    PageListener NONE = () -> { };
}
