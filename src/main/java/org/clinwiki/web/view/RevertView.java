package org.clinwiki.web.view;

/** "Revert this page to revision N?", with what would change. */
public record RevertView(String title, PageTabs tabs, long revisionId, Byline byline, String summary, DiffTable change) {

    public String path() {
        return tabs.path();
    }
}
