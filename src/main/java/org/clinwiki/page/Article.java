package org.clinwiki.page;

import java.util.function.Supplier;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.SafeHtml;

/**
 * A revision of a page ready to show: its rendering, the HTML with links to missing pages
 * marked, and its text (read only if asked for: a page view needs only the HTML).
 * {@code changeSequence} is the page-change number the link marking reflects.
 */
public record Article(Page page, Revision revision, Supplier<String> source, RenderedPage rendered, SafeHtml html,
                      long changeSequence) {

    /** The revision's Markdown. */
    public String markdown() {
        return source.get();
    }

    public boolean latest() {
        return revision.id() == page.latestRevisionId();
    }
}
