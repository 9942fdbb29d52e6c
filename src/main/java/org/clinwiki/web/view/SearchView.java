package org.clinwiki.web.view;

import java.util.List;

/** Search results: titles matching the query, and the title one could create. */
public record SearchView(String query, List<Link> results, Link create, boolean createExists) {
}
