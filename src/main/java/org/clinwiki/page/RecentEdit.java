package org.clinwiki.page;

import org.clinwiki.title.Title;

/** A revision in a list of changes (recent changes, contributions), with its page and size change. */
public record RecentEdit(Title title, Revision revision, int sizeChange, boolean pageDeleted) {

    public boolean createdPage() {
        return revision.parentId().isEmpty();
    }
}
