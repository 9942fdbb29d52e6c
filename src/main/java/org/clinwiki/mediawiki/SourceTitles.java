package org.clinwiki.mediawiki;

import java.util.Optional;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.wikitext.DumpPage;

/**
 * Where a page of the other wiki lives here: in the namespace of the same MediaWiki number
 * (Project pages, named after that site there, in {@code Project:}); a page of a namespace
 * Clinwiki lacks (MediaWiki:, Module:, a wiki's own) keeps its prefix as part of a main title.
 */
final class SourceTitles {

    private SourceTitles() {
    }

    /** The title here, or empty when the dump's title is no valid title. */
    static Optional<Title> of(DumpPage page) {
        String title = page.title();
        Optional<Namespace> namespace = Namespace.byNumber(page.namespace());
        int colon = title.indexOf(':');
        try {
            if (namespace.isEmpty() || namespace.get() == Namespace.MAIN || colon < 0) {
                Title parsed = Title.parse(title);
                // A main-namespace title there that reads as prefixed here ("Project:x" where Project: was no alias) stays main.
                boolean main = namespace.isPresent() && parsed.namespace() != Namespace.MAIN;
                return Optional.of(main ? new Title(Namespace.MAIN, parsed.text()) : parsed);
            }
            return Optional.of(Title.parse(namespace.get().prefix() + ":" + title.substring(colon + 1)));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }

    /** Whether the page's namespace is one Clinwiki lacks, so its prefix became part of the title. */
    static boolean unknownNamespace(DumpPage page) {
        return Namespace.byNumber(page.namespace()).isEmpty();
    }
}
