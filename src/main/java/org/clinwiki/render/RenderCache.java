package org.clinwiki.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.function.Function;

/**
 * Rendered revisions by revision id. A revision's text never changes, so an entry never goes
 * stale; the cache is bounded by an estimate of its size in bytes. Entries drop the page's
 * plain text, which only search needs (and search parses for itself). Thread-safe.
 */
public final class RenderCache {

    private final Cache<Long, RenderedPage> cache;

    public RenderCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Long id, RenderedPage page) -> page.weight())
                .recordStats()
                .build();
    }

    /** The cached rendering of a revision, or renders it once with {@code render} and keeps it. */
    public RenderedPage get(long revisionId, Function<Long, RenderedPage> render) {
        return cache.get(revisionId, id -> render.apply(id).withoutText());
    }

    public void put(long revisionId, RenderedPage page) {
        cache.put(revisionId, page.withoutText());
    }

    public CacheStats stats() {
        return cache.stats();
    }
}
