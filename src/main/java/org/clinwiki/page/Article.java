package org.clinwiki.page;

import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.SafeHtml;

/**
 * A revision of a page ready to show: its text, its rendering, and the HTML with links to
 * missing pages marked. {@code latest} tells whether this is the page's current revision.
 */
public record Article(Page page, Revision revision, String markdown, RenderedPage rendered, SafeHtml html) {

    public boolean latest() {
        return revision.id() == page.latestRevisionId();
    }
}
