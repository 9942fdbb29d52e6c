package org.clinwiki.page;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinwiki.db.Transaction;
import org.clinwiki.render.EmbedFill;
import org.clinwiki.render.FileSource;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/**
 * Marks a rendering's links to pages that do not exist (red links), as of the handle's view of the
 * wiki, and fills in the files it shows.
 */
final class RedLinks {

    private RedLinks() {
    }

    // One query per namespace among the links, however many links the page has.
    static SafeHtml mark(Transaction handle, RenderedPage rendered) {
        if (rendered.links().isEmpty()) {
            return rendered.html();
        }
        Map<Namespace, List<String>> byNamespace = new EnumMap<>(Namespace.class);
        for (Title link : rendered.links()) {
            byNamespace.computeIfAbsent(link.namespace(), n -> new ArrayList<>()).add(link.name());
        }
        PageStore pages = handle.attach(PageStore.class);
        Set<Title> missing = new HashSet<>(rendered.links());
        byNamespace.forEach((namespace, names) -> {
            for (String name : pages.existing(namespace.key(), names)) {
                missing.remove(new Title(namespace, name));
            }
        });
        return rendered.htmlMarking(missing);
    }

    /** The files the rendering shows, at their current versions ({@link EmbedFill}); outside any transaction. */
    static SafeHtml fillFiles(SafeHtml html, RenderedPage rendered, FileSource files) {
        if (!EmbedFill.needed(html)) {
            return html;
        }
        List<Title> shown = rendered.links().stream().filter(link -> link.namespace() == Namespace.FILE).toList();
        return EmbedFill.fill(html, files.find(shown));
    }
}
