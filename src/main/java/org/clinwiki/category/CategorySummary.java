package org.clinwiki.category;

/** A category in a listing: its name, how many pages it holds, and whether it has its own page. */
public record CategorySummary(String name, long members, boolean hasPage) {
}
