package org.clinwiki.web.view;

import java.util.Optional;

/** A title with no page: says so, offers to create it, and lists a category's members if it has some. */
public record MissingView(String title, PageTabs tabs, Optional<CategoryView> category) {

    public String path() {
        return tabs.path();
    }
}
