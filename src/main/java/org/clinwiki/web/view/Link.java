package org.clinwiki.web.view;

/** A link as templates show it: where it goes and what it says. */
public record Link(String href, String text) {
}
