package org.clinwiki.web.view;

/** A title with no page: says so and offers to create it. */
public record MissingView(String title, String path) {
}
