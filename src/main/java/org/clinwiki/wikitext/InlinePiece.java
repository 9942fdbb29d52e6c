package org.clinwiki.wikitext;

/**
 * A piece of a line as {@link Inline} reads it.
 *
 * @param kind what it is
 * @param text its plain text, its Markdown, or its run of apostrophes
 */
record InlinePiece(Kind kind, String text) {

    enum Kind { TEXT, MARKDOWN, QUOTES }
}
