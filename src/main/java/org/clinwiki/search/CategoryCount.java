package org.clinwiki.search;

/** How many of the matching pages are in a category: a filter to offer next to the results. */
public record CategoryCount(String name, int count) {
}
