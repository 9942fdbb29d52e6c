package org.clinwiki.render;

import java.util.List;
import java.util.Optional;
import org.clinwiki.title.Title;

/**
 * What a page's Markdown says, without the HTML: its links, categories, redirect, headings and
 * plain text (what a reader sees, for the search index). Cheaper to get than a rendering.
 *
 * @param links      pages linked to, in order of first appearance, without duplicates
 * @param categories names (without the {@code Category:} prefix) the page is placed in
 * @param redirect   the target if the text starts with {@code #REDIRECT [[Target]]}
 * @param headings   the headings, for a table of contents and the search index
 * @param text       the readable text: link labels rather than targets, no markup
 */
public record ParsedPage(List<Title> links, List<String> categories, Optional<Title> redirect, List<Heading> headings,
                         String text) {

    public ParsedPage {
        links = List.copyOf(links);
        categories = List.copyOf(categories);
        headings = List.copyOf(headings);
    }

    /** Only the text, nothing parsed from it: for text beyond the renderer's limits, saved before they existed. */
    public static ParsedPage textOnly(String text) {
        return new ParsedPage(List.of(), List.of(), Optional.empty(), List.of(), text);
    }

    public PageConnections connections() {
        return new PageConnections(links, categories, redirect);
    }
}
