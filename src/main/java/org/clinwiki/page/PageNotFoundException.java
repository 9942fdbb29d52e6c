package org.clinwiki.page;

import org.clinwiki.error.WikiException;
import org.clinwiki.title.Title;

/** No (visible) page has this title, or no such revision belongs to it. */
public final class PageNotFoundException extends WikiException {

    public PageNotFoundException(Title title) {
        super(Kind.NOT_FOUND, "not_found", "There is no page titled \"" + title.text() + "\".");
    }

    public PageNotFoundException(Title title, long revisionId) {
        super(Kind.NOT_FOUND, "not_found", "Page \"" + title.text() + "\" has no revision " + revisionId + ".");
    }
}
