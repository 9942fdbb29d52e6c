package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/** A page's revisions, newest first, a screenful at a time; editors may revert to older ones. */
public record HistoryView(String title, PageTabs tabs, List<Row> rows, Optional<String> olderUrl, boolean canRevert) {

    /** One revision: size change is signed ("+12", "-3", "0"). */
    public record Row(long id, Optional<Long> parentId, Byline byline, String summary, boolean minor, int size,
                      String sizeChange, int change, boolean latest) {
    }

    public String path() {
        return tabs.path();
    }
}
