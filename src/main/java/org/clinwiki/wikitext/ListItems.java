package org.clinwiki.wikitext;

/**
 * Lines starting with {@code * # : ;}. Bullets and numbers become nested Markdown lists (each
 * level indented by its parent's marker, so Markdown nests them as MediaWiki did); {@code #:}
 * continues an item on a new line. Lines of colons alone are talk-page replies, which Clinwiki
 * indents itself. {@code ;term : definition} becomes a definition list of the HTML subset.
 */
final class ListItems {

    /** Deeper lists are flattened to this depth: more is only hostile, and each level costs indentation. */
    static final int MAX_DEPTH = 10;

    private final Session session;
    private final BlockLevels blocks;
    private String previous = "";
    private boolean definitionsOpen;

    ListItems(Session session, BlockLevels blocks) {
        this.session = session;
        this.blocks = blocks;
    }

    void item(String line) {
        int n = 0;
        while (n < line.length() && "*#:;".indexOf(line.charAt(n)) >= 0) {
            n++;
        }
        String prefix = line.substring(0, n);
        String content = line.substring(n).strip();
        if (n > MAX_DEPTH) {
            session.issues().add("list nested more than " + MAX_DEPTH + " deep", "flattened to " + MAX_DEPTH + " levels");
            prefix = prefix.substring(0, MAX_DEPTH);
        }
        boolean continuesDefinitions = definitionsOpen && blocks.last() == BlockLevels.Kind.DEFINITIONS && !blocks.broken();
        if (prefix.equals(";") || prefix.equals(":") && continuesDefinitions) {
            definition(prefix, content);
        } else if (prefix.charAt(0) == ':') {
            reply(prefix, content);
        } else {
            listItem(prefix, content);
        }
    }

    /** A reply: colons Clinwiki reads as indentation, a bullet if the reply was a list item. */
    private void reply(String prefix, String content) {
        int colons = 0;
        while (colons < prefix.length() && prefix.charAt(colons) == ':') {
            colons++;
        }
        blocks.begin(BlockLevels.Kind.REPLY, true);
        StringBuilder out = blocks.out();
        out.append(":".repeat(colons)).append(' ');
        if (colons < prefix.length()) {
            out.append(prefix.indexOf(';', colons) >= 0 ? "" : "• ");
        }
        out.append(inline(content));
    }

    private void definition(String prefix, String content) {
        blocks.begin(BlockLevels.Kind.DEFINITIONS, true);
        StringBuilder out = blocks.out();
        if (!definitionsOpen) {
            out.append("<dl>\n");
            definitionsOpen = true;
        }
        if (prefix.equals(":")) {
            out.append("<dd>").append(inline(content)).append("</dd>");
            return;
        }
        int colon = definitionColon(content);
        String term = colon < 0 ? content : content.substring(0, colon).strip();
        out.append("<dt>").append(inline(term)).append("</dt>");
        if (colon >= 0) {
            out.append("\n<dd>").append(inline(content.substring(colon + 1).strip())).append("</dd>");
        }
    }

    /** Closes a definition list when a block of another kind begins. */
    void endDefinitions(BlockLevels.Kind next) {
        if (definitionsOpen) {
            blocks.out().append("\n</dl>");
            definitionsOpen = false;
        }
    }

    void end() {
        endDefinitions(BlockLevels.Kind.NONE);
    }

    private void listItem(String prefix, String content) {
        boolean continuing = blocks.last() == BlockLevels.Kind.LIST && !blocks.broken();
        String before = continuing ? previous : "";
        int n = prefix.length();
        char kind = prefix.charAt(n - 1);
        String parent = prefix.substring(0, n - 1);
        if ((kind == ':' || kind == ';') && continuing && before.startsWith(parent) && !parent.isEmpty()) {
            // The item above goes on, on a line of its own.
            blocks.out().append("<br>");
            blocks.begin(BlockLevels.Kind.LIST, true);
            blocks.out().append(" ".repeat(indent(parent))).append(kind == ';' ? "**" + inline(content) + "**" : inline(content));
            return;
        }
        int common = 0;
        while (common < Math.min(before.length(), n) && before.charAt(common) == prefix.charAt(common)) {
            common++;
        }
        int k = Math.min(common, n - 1);
        blocks.begin(BlockLevels.Kind.LIST, true);
        StringBuilder out = blocks.out();
        out.append(" ".repeat(indent(prefix.substring(0, k))));
        for (int level = k; level < n; level++) {
            out.append(marker(prefix.charAt(level)));
        }
        out.append(inline(content));
        previous = prefix;
    }

    private static int indent(String prefix) {
        int width = 0;
        for (int k = 0; k < prefix.length(); k++) {
            width += marker(prefix.charAt(k)).length();
        }
        return width;
    }

    private static String marker(char c) {
        return c == '*' ? "- " : c == '#' ? "1. " : "";
    }

    private String inline(String content) {
        return Inline.convert(content, session, MarkdownEscaper.Place.TEXT);
    }

    /** The colon between a term and its definition: the first outside a link and not a URL's. */
    private static int definitionColon(String content) {
        int depth = 0;
        for (int k = 0; k < content.length(); k++) {
            char c = content.charAt(k);
            if (c == '[' && content.startsWith("[[", k)) {
                depth++;
                k++;
            } else if (c == ']' && content.startsWith("]]", k) && depth > 0) {
                depth--;
                k++;
            } else if (c == ':' && depth == 0 && !content.startsWith("//", k + 1)) {
                return k;
            }
        }
        return -1;
    }
}
