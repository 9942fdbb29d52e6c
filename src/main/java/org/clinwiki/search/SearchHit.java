package org.clinwiki.search;

import java.time.Instant;
import java.util.List;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.title.Title;

/** One result: the page, a sanitised snippet with matches in {@code <mark>}, its score, categories and last change. */
public record SearchHit(Title title, SafeHtml snippet, float score, List<String> categories, Instant updated) {
}
