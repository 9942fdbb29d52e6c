package org.clinwiki.render;

import java.util.List;
import java.util.Optional;
import org.clinwiki.title.Title;

/**
 * Where a page's text places it among other pages: what the database stores with each
 * revision (links, categories, redirect, transclusions). Cheaper to get than a
 * {@link ParsedPage}, which also collects headings and plain text.
 *
 * @param links      pages linked to, in order of first appearance, without duplicates
 * @param categories names (without the {@code Category:} prefix) the page is placed in
 * @param redirect   the target if the text starts with {@code #REDIRECT [[Target]]}
 * @param templates  pages transcluded at any depth, existing or not
 */
public record PageConnections(List<Title> links, List<String> categories, Optional<Title> redirect, List<Title> templates) {

    public PageConnections {
        links = List.copyOf(links);
        categories = List.copyOf(categories);
        templates = List.copyOf(templates);
    }
}
