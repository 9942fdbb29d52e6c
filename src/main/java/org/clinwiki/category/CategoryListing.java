package org.clinwiki.category;

import java.util.List;
import java.util.Optional;
import org.clinwiki.title.Title;

/**
 * What a category holds: its subcategories (member pages in the Category namespace), its
 * other member pages, and the categories it is itself in. {@code nextAfter} continues the page
 * list when it was cut at the limit.
 */
public record CategoryListing(String name, List<Title> subcategories, List<Title> pages,
                              List<String> parents, Optional<String> nextAfter) {

    public CategoryListing {
        subcategories = List.copyOf(subcategories);
        pages = List.copyOf(pages);
        parents = List.copyOf(parents);
    }
}
