package org.clinwiki.render;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinwiki.title.Title;

/**
 * The result of rendering one revision's Markdown. It depends only on the text, so it can be
 * cached by revision id; which link targets exist is applied per view by {@link #htmlMarking}.
 *
 * @param html       sanitised HTML with every wiki link in its "exists" form
 * @param links      pages linked to, in order of first appearance, without duplicates
 * @param categories names (without the {@code Category:} prefix) the page is placed in
 * @param redirect   the target if the text starts with {@code #REDIRECT [[Target]]}
 * @param headings   the headings, for a table of contents
 */
public record RenderedPage(SafeHtml html, List<Title> links, List<String> categories,
                           Optional<Title> redirect, List<Heading> headings) {

    public RenderedPage {
        links = List.copyOf(links);
        categories = List.copyOf(categories);
        headings = List.copyOf(headings);
    }

    /** The HTML with links to the given missing pages marked as such (red links). */
    public SafeHtml htmlMarking(Set<Title> missing) {
        return LinkMarker.markMissing(html, missing);
    }

    /** A rough size in bytes, for bounding caches. */
    public int weight() {
        return html.html().length() * 2 + links.size() * 64 + 128;
    }
}
