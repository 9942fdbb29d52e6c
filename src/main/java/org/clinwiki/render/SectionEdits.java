package org.clinwiki.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.clinwiki.title.Title;

/**
 * Which headings get an "edit" link, and to which section: the page's own headings, numbered
 * as {@link Sections} numbers them in its text, so the link edits exactly that part. Headings a
 * template wrote, or the list of references added, have none (they are not in the page's text).
 */
final class SectionEdits {

    private static final DataKey<Map<Node, String>> LINKS = new DataKey<>("CLINWIKI_SECTION_EDITS", Map.of());

    private SectionEdits() {
    }

    static void mark(Document document, ExpandedText expanded, Title title) {
        String text = expanded.pageText();
        Map<Integer, Integer> sectionByLine = new HashMap<>();
        for (Sections.Section section : Sections.of(text).all()) {
            if (section.number() > 0) {
                sectionByLine.put(section.start(), section.number());
            }
        }
        Map<Node, String> links = new IdentityHashMap<>();
        for (Node node = document.getFirstChild(); node != null && !sectionByLine.isEmpty(); node = node.getNext()) {
            if (!(node instanceof Heading heading) || heading.getChars().getBaseSequence() != document.getChars().getBaseSequence()) {
                continue;
            }
            int offset = expanded.sourceOffset(heading.getStartOffset());
            if (offset < 0) {
                continue;
            }
            Integer section = sectionByLine.get(text.lastIndexOf('\n', offset - 1) + 1);
            if (section != null) {
                links.put(heading, title.wikiPath() + "/edit?section=" + section);
            }
        }
        document.set(LINKS, links);
    }

    /** Where the heading's "edit" link goes, if it has one. */
    static Optional<String> link(Node heading) {
        return Optional.ofNullable(LINKS.get(heading.getDocument()).get(heading));
    }
}
