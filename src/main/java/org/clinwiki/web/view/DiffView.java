package org.clinwiki.web.view;

import java.util.Optional;

/** Two revisions compared, with links to step to the previous and next change and to switch layout. */
public record DiffView(String title, PageTabs tabs, Optional<Side> from, Side to, DiffTable table,
                       Optional<String> previousUrl, Optional<String> nextUrl, String sideBySideUrl, String inlineUrl) {

    /** A revision as the diff header shows it. */
    public record Side(long id, Byline byline, String summary, boolean minor, String size) {
    }

    public String path() {
        return tabs.path();
    }
}
