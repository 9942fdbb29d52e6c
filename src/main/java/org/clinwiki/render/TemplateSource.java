package org.clinwiki.render;

import java.util.Optional;
import org.clinwiki.title.Title;

/**
 * Where the text of transcluded pages ({@code {{Name}}} is {@code Template:Name}) comes from:
 * the wiki's latest revisions. A rendering depends on its own text and on what this gave.
 */
@FunctionalInterface
public interface TemplateSource {

    /** The latest text of a live page and its revision, or empty if there is none. */
    Optional<Transcluded> find(Title title);

    /** No page exists: every template renders as a red link. */
    TemplateSource NONE = title -> Optional.empty();

    /** A page's text as transcluded, with the revision it came from. */
    record Transcluded(long revisionId, String text) {
    }
}
