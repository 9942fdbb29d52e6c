package org.clinwiki.page;

import org.clinwiki.render.ParsedPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a {@link PageListener} of a change that has committed. The change stands whatever the
 * listener does: its failure is logged, never turned into an error for the editor.
 */
final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private final PageListener listener;

    AfterCommit(PageListener listener) {
        this.listener = listener;
    }

    void pagesChanged() {
        tell(listener::pagesChanged);
    }

    void revisionSaved(PageSnapshot change, ParsedPage parsed) {
        tell(() -> listener.revisionSaved(change, parsed));
    }

    private static void tell(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            log.error("A page listener failed after a committed change", e);
        }
    }
}
