package org.clinwiki.render;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinwiki.title.Title;

/**
 * A revision's Markdown rendered: the sanitised HTML, with every wiki link in its "exists"
 * form, and what the text says ({@link ParsedPage}). It depends only on the text, so it can be
 * cached by revision id; which link targets exist is applied per view by {@link #htmlMarking}.
 */
public record RenderedPage(SafeHtml html, ParsedPage parsed) {

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

    /** The HTML with links to the given missing pages marked as such (red links). */
    public SafeHtml htmlMarking(Set<Title> missing) {
        return LinkMarker.markMissing(html, missing);
    }

    /** The same rendering without the plain text: what caches keep. */
    public RenderedPage withoutText() {
        return parsed.text().isEmpty() ? this : new RenderedPage(html, new ParsedPage(parsed.links(), parsed.categories(),
                parsed.redirect(), parsed.headings(), ""));
    }

    /** A rough size in bytes, for bounding caches. */
    public int weight() {
        return (html.html().length() + parsed.text().length()) * 2 + links().size() * 64 + 128;
    }
}
