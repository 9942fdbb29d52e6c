package org.clinwiki.page;

import java.util.OptionalLong;
import org.clinwiki.title.Title;

/**
 * A request to save text to a page. {@code baseRevisionId} is the revision the editor started
 * from; it is empty only when creating a page (or adding a section to the latest revision).
 * {@code part} says whether the text is the whole page, one section or a new section.
 */
public record Edit(Title title, String markdown, String summary, OptionalLong baseRevisionId, boolean minor, EditedPart part) {

    /** An edit of the whole page. */
    public Edit(Title title, String markdown, String summary, OptionalLong baseRevisionId, boolean minor) {
        this(title, markdown, summary, baseRevisionId, minor, EditedPart.WHOLE_PAGE);
    }

    Edit asWholePage(String text, String summary, OptionalLong base) {
        return new Edit(title, text, summary, base, minor, EditedPart.WHOLE_PAGE);
    }
}
