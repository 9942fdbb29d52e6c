package org.clinwiki.render;

import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * The text a reader sees on a page, for search: words of paragraphs, headings, lists, tables,
 * code and notes, link labels rather than targets, and HTML other than the tags that render as
 * the characters typed (it is shown escaped). Footnote markers are left out, or "1" would glue onto the word before them.
 *
 * <p>One pass with an explicit stack into a plain builder: flexmark's own text collector
 * recurses once per nesting level and builds segment lists whose cost grew faster than the
 * page (50,000 footnotes took seconds).
 */
final class PlainText {

    private final StringBuilder out;

    private PlainText(int capacity) {
        out = new StringBuilder(capacity);
    }

    static String of(Document document) {
        PlainText text = new PlainText(document.getChars().length());
        text.collect(document);
        return text.out.toString().strip();
    }

    private void collect(Document document) {
        Node node = document.getFirstChild();
        while (node != null) {
            boolean descend = visit(node);
            if (descend && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            // Up until a node has a next sibling, closing blocks on the way.
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                if (node instanceof Block) {
                    lineBreak();
                }
            }
            if (node == null || node == document) {
                return;
            }
            if (node instanceof Block) {
                lineBreak();
            }
            node = node.getNext();
        }
    }

    /** Adds what the node shows by itself; returns whether its children still need visiting. */
    private boolean visit(Node node) {
        if (node instanceof Footnote) {
            return false;
        }
        if (node instanceof WikiLink link) {
            out.append(WikiLinkTarget.of(link).map(WikiLinkTarget::label).orElse(link.getChars().toString()));
            return false;
        }
        if (node instanceof HtmlInlineBase || node instanceof HtmlBlockBase) {
            // Tags that render (the HTML subset, files' placeholders) are markup, not words; the rest shows as typed.
            if (!HtmlSubset.isRendered(node.getChars().toString())) {
                out.append(node.getChars());
            } else if (node.getChars().toString().regionMatches(true, 0, "<br", 0, 3)) {
                out.append(' ');
            }
            return false;
        }
        if (node instanceof SoftLineBreak) {
            out.append(' ');
            return false;
        }
        if (node instanceof HardLineBreak) {
            lineBreak();
            return false;
        }
        if (node instanceof HtmlEntity || node instanceof TextContainer && node.getFirstChild() == null) {
            out.append(Escaping.unescapeString(node.getChars().toString()));
            return false;
        }
        return true;
    }

    private void lineBreak() {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
