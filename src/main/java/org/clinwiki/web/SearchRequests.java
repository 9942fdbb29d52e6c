package org.clinwiki.web;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.search.SearchRequest;
import org.clinwiki.search.SearchService;
import org.clinwiki.title.Namespace;

/** Reads {@code q}, {@code category}, {@code namespace}, {@code limit} and {@code offset} into a search, for the API and the page alike. */
final class SearchRequests {

    private SearchRequests() {
    }

    /** A search from the request; {@code defaultLimit} results unless {@code limit} says otherwise. */
    static SearchRequest from(Context ctx, int defaultLimit) {
        String category = Requests.query(ctx, "category").strip();
        return new SearchRequest(Requests.query(ctx, "q"),
                category.isEmpty() ? Optional.empty() : Optional.of(category),
                namespaces(Requests.query(ctx, "namespace")),
                Requests.bounded(ctx, "limit", defaultLimit, 1, SearchService.MAX_LIMIT),
                Requests.bounded(ctx, "offset", 0, 0, SearchService.MAX_OFFSET));
    }

    /** Comma-separated namespace keys ({@code main,help}), {@code all}, or nothing for the content namespaces. */
    private static Set<Namespace> namespaces(String raw) {
        if (raw.isBlank()) {
            return SearchRequest.CONTENT;
        }
        if (raw.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Namespace.class);
        }
        Set<Namespace> namespaces = EnumSet.noneOf(Namespace.class);
        for (String key : raw.split(",")) {
            namespaces.add(Namespace.ofKey(key.strip()).orElseThrow(() -> new InvalidInputException("invalid_namespace",
                    "Unknown namespace \"" + key.strip() + "\"; use main, talk, user, category, help or all.")));
        }
        return namespaces;
    }
}
