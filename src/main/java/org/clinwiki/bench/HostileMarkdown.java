package org.clinwiki.bench;

/**
 * Page text built to make a Markdown parser do the most work per byte, as the security review
 * sent it: for the hostile benchmark and the renderer's tests alike.
 */
public final class HostileMarkdown {

    private HostileMarkdown() {
    }

    /** {@code count} footnote references on one line, then their definitions. */
    public static String footnotes(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("x[^").append(i).append("] ");
        }
        text.append("\n\n");
        for (int i = 0; i < count; i++) {
            text.append("[^").append(i).append("]: note ").append(i).append('\n');
        }
        return text.toString();
    }

    /** {@code count} reference links on one line, then a block of their definitions. */
    public static String referenceLinks(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("[a").append(i).append("][r").append(i).append("] ");
        }
        text.append("\n\n");
        for (int i = 0; i < count; i++) {
            text.append("[r").append(i).append("]: https://example.org/").append(i).append('\n');
        }
        return text.toString();
    }

    /** Emphasis opened {@code depth} times, then closed as often. */
    public static String nestedEmphasis(int depth) {
        return "*a".repeat(depth) + "a*".repeat(depth);
    }
}
