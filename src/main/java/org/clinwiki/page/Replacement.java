package org.clinwiki.page;

import org.clinwiki.title.Title;

/** A page's new text from outside the editor (an import): it replaces whatever the page holds. */
public record Replacement(Title title, String markdown, String summary) {
}
