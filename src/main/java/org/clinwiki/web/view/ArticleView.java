package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;
import org.clinwiki.render.Heading;

/**
 * An article page. {@code oldRevision} is set when showing an old revision; {@code redirectedFrom}
 * when the reader arrived through a redirect; {@code toc} holds headings when the page is long
 * enough to want a table of contents; {@code category} the listing on a category page; {@code file}
 * the file on a file's page.
 */
public record ArticleView(String title, PageTabs tabs, Html body, List<Link> categories, Byline lastEdited,
                          List<Link> contributors, Optional<Long> oldRevision, long latestRevision,
                          Optional<Link> redirectedFrom, List<Heading> toc, boolean isProtected,
                          Optional<CategoryView> category, Optional<FileView> file) {

    public String path() {
        return tabs.path();
    }
}
