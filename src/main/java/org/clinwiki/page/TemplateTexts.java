package org.clinwiki.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.clinwiki.db.Database;
import org.clinwiki.render.TemplateSource;
import org.clinwiki.title.Title;

/**
 * The wiki's pages as templates for the renderer: which revision of a title is the latest is
 * asked each time (one indexed lookup), its text is kept by revision id, which never changes.
 * Each lookup is its own short read: a rendering holds no connection. Thread-safe.
 */
public final class TemplateTexts implements TemplateSource {

    private final Database database;
    private final Cache<Long, String> texts = Caffeine.newBuilder()
            .maximumWeight(32L << 20)
            .weigher((Long id, String text) -> text.length() * 2 + 64)
            .build();

    public TemplateTexts(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Transcluded> find(Title title) {
        return database.read(TemplateStore.class, store -> store.latestRevision(title.namespace().key(), title.name()))
                .map(revision -> new Transcluded(revision, texts.get(revision,
                        id -> database.read(RevisionStore.class, revisions -> revisions.content(id)))));
    }
}
