package org.clinwiki.wikitext;

/**
 * One cell of a wikitext table as read.
 *
 * @param header  written with {@code !}
 * @param columns its column span, at least 1
 * @param rows    its row span, at least 1
 * @param content its wikitext, attributes removed
 */
record TableCell(boolean header, int columns, int rows, String content) {
}
