package org.clinwiki.wikitext;

/**
 * A construct read at some position of a line.
 *
 * @param markdown what it becomes: Markdown, or plain text still to be escaped
 * @param plain    whether {@code markdown} is plain text (shown as typed) rather than Markdown
 * @param end      where the construct ends in the line
 */
record Found(String markdown, boolean plain, int end) {

    static Found markdown(String markdown, int end) {
        return new Found(markdown, false, end);
    }

    static Found text(String text, int end) {
        return new Found(text, true, end);
    }
}
