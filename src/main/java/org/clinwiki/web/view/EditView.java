package org.clinwiki.web.view;

import java.util.Optional;

/**
 * The edit form. {@code baseRevisionId} is what the text was started from (empty for a new
 * page). {@code conflict} is set when a save clashed with someone else's; {@code readOnly}
 * explains why this user can only view the source.
 */
public record EditView(String title, PageTabs tabs, String markdown, String summary, boolean minor,
                       Optional<Long> baseRevisionId, boolean creating, Optional<Html> preview,
                       Optional<String> error, Optional<Conflict> conflict, Optional<String> readOnly) {

    /** The other person's change (as a diff from the base) and the current text. */
    public record Conflict(long latestRevisionId, Byline latestBy, String latestMarkdown, DiffTable theirChange) {
    }

    public String path() {
        return tabs.path();
    }
}
