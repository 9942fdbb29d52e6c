package org.clinwiki.page;

import java.util.Optional;
import org.clinwiki.render.PageConnections;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.Renderer;

/** Text ready to store: what it says, and its rendering when it was worth making now. */
record Prepared(String text, PageConnections connections, Optional<RenderedPage> rendered, Renderer renderer) {

    static Prepared rendering(Renderer renderer, String text) {
        RenderedPage rendered = renderer.render(text);
        return new Prepared(text, rendered.parsed().connections(), Optional.of(rendered), renderer);
    }

    static Prepared parsing(Renderer renderer, String text) {
        return new Prepared(text, renderer.connections(text), Optional.empty(), renderer);
    }

    /** The same preparation for another text (after a merge). */
    Prepared forText(String other) {
        if (other.equals(text)) {
            return this;
        }
        return rendered.isPresent() ? rendering(renderer, other) : parsing(renderer, other);
    }
}
