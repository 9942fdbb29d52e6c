package org.clinwiki.page;

import java.util.Optional;
import org.clinwiki.render.PageConnections;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;

/**
 * Text ready to store: where it links, its size and hash, and, for an edit, all it says (handed
 * to the search index after the commit so the index need not parse it again). Everything here
 * is worked out before the write transaction, which then only writes. Nothing is rendered to
 * HTML here: a revision renders when first viewed.
 */
record Prepared(String text, int size, String sha1, PageConnections connections, Optional<ParsedPage> parsed,
                Renderer renderer) {

    /** For an edit: everything the text says, for the search index too. */
    static Prepared parsing(Renderer renderer, String text) {
        ParsedPage parsed = renderer.parse(text);
        return new Prepared(text, PageText.utf8Length(text), PageText.sha1(text), parsed.connections(), Optional.of(parsed),
                renderer);
    }

    /** For an import: only what the database stores. */
    static Prepared connecting(Renderer renderer, String text) {
        return new Prepared(text, PageText.utf8Length(text), PageText.sha1(text), renderer.connections(text), Optional.empty(),
                renderer);
    }

    /** For a revert: the old revision's text, whose connections its rendering already knows. */
    static Prepared restoring(Renderer renderer, String text, PageConnections connections) {
        return new Prepared(text, PageText.utf8Length(text), PageText.sha1(text), connections, Optional.empty(), renderer);
    }

    /** The same preparation for another text (after a merge). */
    Prepared forText(String other) {
        if (other.equals(text)) {
            return this;
        }
        return parsed.isPresent() ? parsing(renderer, other) : connecting(renderer, other);
    }

    /** Whether a stored revision already holds exactly this text. */
    boolean sameTextAs(Revision revision) {
        return revision.size() == size && revision.sha1().equals(sha1);
    }
}
