package org.clinwiki.category;

import java.util.List;
import org.clinwiki.db.Transaction;

/**
 * Which categories a page is in, written inside the transaction that saves the page, so a
 * revision and its categories commit together. Attach once per transaction (an import writes
 * thousands of pages in one).
 */
public final class CategoryAssignments {

    private final CategoryStore store;

    public CategoryAssignments(Transaction transaction) {
        this.store = transaction.attach(CategoryStore.class);
    }

    /** Takes the page out of every category. */
    public void clear(long pageId) {
        store.clear(pageId);
    }

    /** Puts the page into {@code categories} (names without the {@code Category:} prefix). */
    public void add(long pageId, List<String> categories) {
        if (!categories.isEmpty()) {
            store.add(pageId, categories);
        }
    }
}
