package org.clinwiki.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A page's footnotes as MediaWiki readers know its references: numbered in order of first
 * citation, a note cited again keeps its number, and each entry links back to every citation
 * ("↑ a b c"). The list goes where the author put {@code {{references}}} or
 * {@code <references />}; else under the author's own "References" (or "Notes") heading, at the
 * end of that section; else at the end of the page under a "References" heading of its own.
 * Ids are made from numbers, never from note names, so a name cannot reach an attribute.
 */
final class References implements HtmlRenderer.HtmlRendererExtension {

    /** Stands for the list in the text until the list is placed: private-use characters, never typed by accident. */
    static final String PLACEHOLDER = "\uE000references\uE000";
    static final String PLACEHOLDER_BLOCK = "\n\n" + PLACEHOLDER + "\n\n";

    private static final Set<String> HEADINGS = Set.of("references", "notes", "footnotes", "notes and references");
    private static final DataKey<Arrangement> ARRANGEMENT = new DataKey<>("CLINWIKI_REFERENCES", Arrangement::new);

    /** The numbers of the notes and where each citation of them stands. */
    static final class Arrangement {
        private final Map<FootnoteBlock, List<Footnote>> notes = new LinkedHashMap<>();
        private final Map<Footnote, int[]> citations = new IdentityHashMap<>();

        boolean isEmpty() {
            return notes.isEmpty();
        }
    }

    /** The list, where it goes in the tree; rendered by this extension. */
    static final class ReferenceList extends Block {
        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * Numbers the notes of a parsed page and puts their list in its place. Returns the heading
     * it added, if the page had no heading of its own for the list.
     */
    static Optional<Heading> arrange(Document document) {
        Arrangement arrangement = new Arrangement();
        List<Paragraph> placeholders = new ArrayList<>();
        Heading authorsHeading = null;
        Map<FootnoteBlock, Integer> numbers = new IdentityHashMap<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Footnote citation && citation.getFootnoteBlock() != null) {
                FootnoteBlock note = citation.getFootnoteBlock();
                int number = numbers.computeIfAbsent(note, block -> numbers.size() + 1);
                List<Footnote> cited = arrangement.notes.computeIfAbsent(note, block -> new ArrayList<>());
                cited.add(citation);
                arrangement.citations.put(citation, new int[] {number, cited.size()});
            } else if (node instanceof Paragraph paragraph && paragraph.getChars().trim().toString().equals(PLACEHOLDER)) {
                placeholders.add(paragraph);
            } else if (node instanceof Heading heading && authorsHeading == null && isReferencesHeading(heading)) {
                authorsHeading = heading;
            }
        }
        document.set(ARRANGEMENT, arrangement);
        Optional<Heading> added = Optional.empty();
        if (!arrangement.isEmpty()) {
            ReferenceList list = new ReferenceList();
            if (!placeholders.isEmpty()) {
                placeholders.getFirst().insertBefore(list);
            } else if (authorsHeading != null) {
                endOfSection(authorsHeading).insertBefore(list);
            } else {
                Heading heading = new Heading();
                heading.setLevel(2);
                heading.appendChild(new Text(BasedSequence.of("References")));
                document.appendChild(heading);
                document.appendChild(list);
                added = Optional.of(heading);
            }
        }
        placeholders.forEach(Node::unlink);
        return added;
    }

    private static boolean isReferencesHeading(Heading heading) {
        String text = new TextCollectingVisitor().collectAndGetText(heading).strip().toLowerCase(Locale.ROOT);
        return HEADINGS.contains(text);
    }

    /**
     * The node the list goes before: the next heading of the same or a higher level after the
     * author's heading, or a marker appended at the end of its container.
     */
    private static Node endOfSection(Heading heading) {
        for (Node next = heading.getNext(); next != null; next = next.getNext()) {
            if (next instanceof Heading later && later.getLevel() <= heading.getLevel()) {
                return later;
            }
        }
        Node end = new Paragraph();
        heading.getParent().appendChild(end);
        return end;
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder rendererBuilder, String rendererType) {
        rendererBuilder.nodeRendererFactory(options -> new ReferencesRenderer());
    }

    private static final class ReferencesRenderer implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Footnote.class, this::renderCitation),
                    new NodeRenderingHandler<>(FootnoteBlock.class, (node, context, html) -> { }),
                    new NodeRenderingHandler<>(ReferenceList.class, this::renderList));
        }

        private void renderCitation(Footnote citation, NodeRendererContext context, HtmlWriter html) {
            int[] place = ARRANGEMENT.get(context.getDocument()).citations.get(citation);
            if (place == null) {
                html.text(citation.getChars().toString());
                return;
            }
            html.attr("class", "reference").attr("id", "cite-ref-" + place[0] + "-" + place[1]).withAttr().tag("sup");
            html.attr("href", "#cite-note-" + place[0]).withAttr().tag("a").text("[" + place[0] + "]").tag("/a");
            html.tag("/sup");
        }

        private void renderList(ReferenceList list, NodeRendererContext context, HtmlWriter html) {
            Arrangement arrangement = ARRANGEMENT.get(context.getDocument());
            html.attr("class", "references").withAttr().tagLine("ol");
            int number = 0;
            for (Map.Entry<FootnoteBlock, List<Footnote>> note : arrangement.notes.entrySet()) {
                number++;
                html.attr("id", "cite-note-" + number).withAttr().tag("li");
                backLinks(html, number, note.getValue().size());
                html.attr("class", "reference-text").withAttr().tag("span");
                Node content = note.getKey();
                boolean oneParagraph = content.getFirstChild() instanceof Paragraph && content.getFirstChild().getNext() == null;
                context.renderChildren(oneParagraph ? content.getFirstChild() : content);
                html.tag("/span").tag("/li").line();
            }
            html.tag("/ol").line();
        }

        /** "↑" for a note cited once; "↑ a b c", one link per citation, for one cited more often. */
        private static void backLinks(HtmlWriter html, int number, int citations) {
            html.attr("class", "backlinks").withAttr().tag("span");
            if (citations == 1) {
                html.attr("href", "#cite-ref-" + number + "-1").attr("aria-label", "Back to the citation").withAttr()
                        .tag("a").text("↑").tag("/a");
            } else {
                html.text("↑");
                for (int i = 1; i <= citations; i++) {
                    html.text(" ");
                    html.attr("href", "#cite-ref-" + number + "-" + i).attr("aria-label", "Back to citation " + label(i))
                            .withAttr().tag("a").tag("sup").text(label(i)).tag("/sup").tag("/a");
                }
            }
            html.tag("/span").text(" ");
        }

        /** a … z, then aa, ab …, as MediaWiki labels the citations of one note. */
        private static String label(int citation) {
            StringBuilder label = new StringBuilder();
            for (int n = citation; n > 0; n = (n - 1) / 26) {
                label.insert(0, (char) ('a' + (n - 1) % 26));
            }
            return label.toString();
        }
    }
}
