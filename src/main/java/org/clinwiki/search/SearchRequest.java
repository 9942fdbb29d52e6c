package org.clinwiki.search;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.clinwiki.title.Namespace;

/**
 * A search: the typed query, an optional category to stay within, the namespaces to look in,
 * and which slice of the ranked results to return.
 */
public record SearchRequest(String query, Optional<String> category, Set<Namespace> namespaces, int limit, int offset) {

    /** Where readers look unless they say otherwise: articles, help and category pages, not talk or user pages. */
    public static final Set<Namespace> CONTENT = Set.copyOf(EnumSet.of(Namespace.MAIN, Namespace.FILE, Namespace.HELP, Namespace.CATEGORY));

    public SearchRequest {
        namespaces = Set.copyOf(namespaces);
    }

    /** Results per request unless asked otherwise: ten, as MediaWiki's search API. */
    public static final int DEFAULT_LIMIT = 10;

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Optional.empty(), CONTENT, DEFAULT_LIMIT, 0);
    }
}
