package org.clinwiki.page;

import org.clinwiki.title.Title;

/** A title that pages link to but nobody has written, and how many links point at it. */
public record Wanted(Title title, int links) {
}
