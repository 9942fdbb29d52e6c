package org.clinwiki.page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinwiki.db.Database;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.Title;

/**
 * Imported revisions' original text, and the one change history allows them: their Markdown may
 * be converted again from it when the converter improves. Only imported revisions change (and the
 * import's own entry that repeats one); authorship, times and every save made here stay as they
 * were. When a page's latest revision changes, its links, categories and search document follow.
 */
public final class ImportedRevisions {

    private final Database database;
    private final Renderer renderer;
    private final Clock clock;

    public ImportedRevisions(Database database, Renderer renderer, Clock clock) {
        this.database = database;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** An imported revision's original: its source, wikitext, page and the SHA-1 of its Markdown now. */
    public record Original(long revisionId, long sourceId, String wikitext, long pageId, String sha1) {
    }

    /** Imported revisions after {@code after}, oldest first: all, or those converted before converter {@code version}. */
    public List<Long> after(long after, int version, boolean all, int limit) {
        return database.read(ImportedRevisionStore.class, imported -> imported.toReconvert(after, version, all, limit));
    }

    public Optional<Original> original(long revisionId) {
        return database.read(ImportedRevisionStore.class, imported -> imported.original(revisionId));
    }

    /** The title of the page a revision belongs to. */
    public Title titleOf(Original original) {
        return database.read(PageStore.class, pages -> pages.findById(original.pageId()).orElseThrow().title());
    }

    /**
     * Stores {@code markdown} as the revision's text, converted by converter {@code version};
     * returns whether the text changed. Parsing happens before the write.
     */
    public boolean rewrite(Original original, String markdown, int version) {
        String text = PageText.normalize(markdown);
        String sha1 = PageText.sha1(text);
        boolean changed = !sha1.equals(original.sha1());
        Optional<Prepared> prepared = changed ? Optional.of(Prepared.connecting(renderer, text)) : Optional.empty();
        database.update(handle -> {
            ImportedRevisionStore imported = handle.attach(ImportedRevisionStore.class);
            imported.setConverterVersion(original.revisionId(), version);
            if (!changed) {
                return;
            }
            List<Long> ids = new ArrayList<>(List.of(original.revisionId()));
            ids.addAll(imported.importEntriesAfter(original.revisionId(), original.sha1()));
            imported.rewrite(ids, text, PageText.utf8Length(text), sha1);
            Stores stores = Stores.of(handle);
            Page page = stores.pages().findById(original.pageId()).orElseThrow();
            if (ids.contains(page.latestRevisionId())) {
                stores.writeConnections(page.id(), prepared.get().connections(), false);
                stores.pages().recordChange(page.id());
                stores.templates().queueChange(page.title().namespace().key(), page.title().name(), clock.instant().toEpochMilli());
            }
        });
        return changed;
    }
}
