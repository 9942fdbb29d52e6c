package org.clinwiki.render;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.Set;
import org.clinwiki.title.Title;

/**
 * A revision's Markdown rendered: the sanitised HTML, with every wiki link in its "exists"
 * form, and what the text says ({@link ParsedPage}). It depends on the text and on the
 * revisions of the templates it transcludes ({@link #templates}), so it can be cached by
 * revision id while those stay the same; which link targets exist is applied per view by
 * {@link #htmlMarking}.
 */
public record RenderedPage(SafeHtml html, ParsedPage parsed) {

    // Only the renderer writes this element (page text cannot: span is not in the HTML subset), always in this shape.
    private static final Pattern SECTION_EDIT = Pattern.compile("<span class=\"section-edit\">.*?</span>");

    public List<Title> links() {
        return parsed.links();
    }

    public List<String> categories() {
        return parsed.categories();
    }

    public Optional<Title> redirect() {
        return parsed.redirect();
    }

    public List<Heading> headings() {
        return parsed.headings();
    }

    /** The pages transcluded, with the revision of each that this rendering shows (0: it did not exist). */
    public Map<Title, Long> templates() {
        return parsed.templates();
    }

    /** The HTML without the sections' "edit" links: for an old revision, whose sections are not the page's now. */
    public static SafeHtml withoutSectionEdits(SafeHtml html) {
        return new SafeHtml(SECTION_EDIT.matcher(html.html()).replaceAll(""));
    }

    /** The HTML with links to the given missing pages marked as such (red links). */
    public SafeHtml htmlMarking(Set<Title> missing) {
        return LinkMarker.markMissing(html, missing);
    }

    /** The same rendering without the plain text: what caches keep. */
    public RenderedPage withoutText() {
        return parsed.text().isEmpty() ? this : new RenderedPage(html, parsed.withoutText());
    }

    /** A rough size in bytes, for bounding caches. */
    public int weight() {
        return (html.html().length() + parsed.text().length()) * 2 + links().size() * 64 + 128;
    }
}
