package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/**
 * A list of pages with an optional filter form: all pages, all categories, wanted pages,
 * orphaned pages. {@code prefix} and {@code namespaces} are the filter's current values.
 */
public record TitleListView(String heading, String intro, String action, List<Item> items, boolean filterable,
                            String prefix, List<ChangesView.Option> namespaces, Optional<String> nextUrl) {

    /** A listed page, with a note such as "3 links" or "12 pages". */
    public record Item(Link link, String note, boolean missing) {
    }
}
