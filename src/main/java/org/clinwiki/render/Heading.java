package org.clinwiki.render;

/** A heading of a rendered page, for a table of contents: level 1-6, plain text, element id. */
public record Heading(int level, String text, String id) {
}
