package org.clinwiki.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinwiki.title.Title;

/**
 * What a page's Markdown says, without the HTML: its links, categories, redirect, the pages it
 * transcludes, headings and plain text (what a reader sees, for the search index). Cheaper to
 * get than a rendering. Links and categories include those its templates bring.
 *
 * @param links      pages linked to, in order of first appearance, without duplicates
 * @param categories names (without the {@code Category:} prefix) the page is placed in
 * @param redirect   the target if the text starts with {@code #REDIRECT [[Target]]}
 * @param templates  pages transcluded at any depth, with the revision used (0: the page does not exist)
 * @param headings   the headings, for a table of contents and the search index
 * @param contents   whether the page asked for a table of contents or for none
 * @param text       the readable text: link labels rather than targets, no markup
 */
public record ParsedPage(List<Title> links, List<String> categories, Optional<Title> redirect, Map<Title, Long> templates,
                         List<Heading> headings, Contents contents, String text) {

    /** What {@code __TOC__} and {@code __NOTOC__} asked for. */
    public enum Contents {
        /** As long pages have it. */
        AUTOMATIC,
        /** {@code __TOC__}: whatever the page's length. */
        SHOWN,
        /** {@code __NOTOC__}. */
        HIDDEN;

        /** Whether a page with {@code headings} headings shows its table of contents, long pages having {@code minimum}. */
        public boolean shows(int headings, int minimum) {
            return this == SHOWN ? headings > 0 : this == AUTOMATIC && headings >= minimum;
        }
    }

    public ParsedPage {
        links = List.copyOf(links);
        categories = List.copyOf(categories);
        templates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        headings = List.copyOf(headings);
    }

    /** Only the text, nothing parsed from it: for text beyond the renderer's limits, saved before they existed. */
    public static ParsedPage textOnly(String text) {
        return new ParsedPage(List.of(), List.of(), Optional.empty(), Map.of(), List.of(), Contents.AUTOMATIC, text);
    }

    public PageConnections connections() {
        return new PageConnections(links, categories, redirect, List.copyOf(templates.keySet()));
    }

    /** The same without the plain text: what caches keep. */
    public ParsedPage withoutText() {
        return text.isEmpty() ? this : new ParsedPage(links, categories, redirect, templates, headings, contents, "");
    }
}
