package org.clinwiki.web.view;

import java.time.Instant;
import org.clinwiki.page.Author;

/** "NAME (credentials) on DATE" for a revision. */
public record Byline(String name, String displayName, String credentials, String shownTime, String isoTime) {

    public static Byline of(Author author, Instant when) {
        return new Byline(author.name(), author.displayName(), author.credentials(), Dates.shown(when), Dates.iso(when));
    }

    public String userUrl() {
        return "/special/contributions/" + name;
    }
}
