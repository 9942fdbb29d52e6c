package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/** What a category holds, grouped by letter, with a link to more pages when the list was cut. */
public record CategoryView(String name, List<LetterGroup> subcategories, List<LetterGroup> pages,
                           int subcategoryCount, int pageCount, Optional<String> moreUrl) {
}
