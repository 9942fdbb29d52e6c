package org.clinwiki.page;

import java.util.OptionalLong;
import org.clinwiki.title.Title;

/**
 * A request to save text to a page. {@code baseRevisionId} is the revision the editor started
 * from; it is empty only when creating a page.
 */
public record Edit(Title title, String markdown, String summary, OptionalLong baseRevisionId, boolean minor) {
}
