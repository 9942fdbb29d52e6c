package org.clinwiki.web.view;

import java.util.Optional;

/**
 * The edit form, for the whole page, one section or a new section ("Add topic"). {@code baseRevisionId} is what the text was started from (empty for a new
 * page). {@code conflict} is set when a save clashed with someone else's; {@code readOnly}
 * explains why this user can only view the source.
 */
public record EditView(String title, PageTabs tabs, String markdown, String summary, boolean minor,
                       Optional<Long> baseRevisionId, boolean creating, Optional<Html> preview,
                       Optional<String> error, Optional<Conflict> conflict, Optional<String> readOnly, Part part) {

    /**
     * What the form edits: the whole page ({@code section} empty), one section ({@code "2"}), or
     * a new section ({@code "new"}) whose title is {@code sectionTitle}.
     */
    public record Part(String section, String sectionTitle) {
        public static final Part WHOLE_PAGE = new Part("", "");

        public boolean isNew() {
            return section.equals("new");
        }

        public boolean isSection() {
            return !section.isEmpty() && !isNew();
        }
    }

    /** The other person's change (as a diff from the base) and the current text. */
    public record Conflict(long latestRevisionId, Byline latestBy, String latestMarkdown, DiffTable theirChange) {
    }

    public String path() {
        return tabs.path();
    }
}
