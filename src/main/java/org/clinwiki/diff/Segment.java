package org.clinwiki.diff;

/** A run of text within a line; {@code changed} marks words deleted (old side) or inserted (new side). */
public record Segment(String text, boolean changed) {
}
