package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.clinwiki.page.PageSnapshot;
import org.clinwiki.page.PageFeed;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.TooComplexException;
import org.clinwiki.title.Title;

/**
 * Writes pages' current state into the index, and keeps redirect targets in step: when a
 * redirect appears, moves or goes, the documents of its old and new targets are rewritten so
 * their {@code title} field lists the names that lead to them ({@link IndexedRedirects}, read
 * from the index once). Thread-safe.
 */
final class PageIndexer {

    private static final int MAX_OFFERED = 64;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PageFeed feed;
    private final Renderer renderer;
    private final TitleSuggester titles;
    /** Null until read from the index, when the indexer first writes. */
    private volatile IndexedRedirects redirects;
    /** Saved changes with their texts as their saves parsed them, by revision id, until the revision is indexed. */
    private final Map<Long, Offer> offers = new ConcurrentHashMap<>();

    private record Offer(PageSnapshot change, ParsedPage parsed) {
    }

    PageIndexer(IndexWriter writer, SearcherManager searchers, PageFeed feed, Renderer renderer, TitleSuggester titles) {
        this.writer = writer;
        this.searchers = searchers;
        this.feed = feed;
        this.renderer = renderer;
        this.titles = titles;
    }

    /**
     * Keeps a saved change and what its save parsed from the text, for when the change is
     * applied. Only a few: a save that finds the indexer far behind leaves the work to it.
     */
    void offer(PageSnapshot change, ParsedPage parsed) {
        if (offers.size() < MAX_OFFERED) {
            offers.put(change.revisionId(), new Offer(change, parsed));
        }
    }

    /**
     * The offered change numbered {@code seq + 1}, if any. Each change takes the next number, so
     * nothing can come between: applying it alone skips reading the feed.
     */
    Optional<PageSnapshot> offeredAfter(long seq) {
        return offers.values().stream().map(Offer::change).filter(change -> change.seq() == seq + 1).findFirst();
    }

    /** Writes a batch of changes (in parallel when it is large), then the redirect targets they touched. */
    void applyAll(List<PageSnapshot> batch) throws IOException {
        if (redirects == null) {
            redirects = indexedRedirects();
        }
        Set<Title> retarget = ConcurrentHashMap.newKeySet();
        Stream<PageSnapshot> changes = batch.size() > 8 ? batch.parallelStream() : batch.stream();
        try {
            changes.forEach(change -> apply(change, retarget));
            for (Title target : retarget) {
                for (PageSnapshot current : feed.current(target)) {
                    apply(current, new LinkedHashSet<>());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            // Revision ids grow with each commit: any offer up to the batch's newest revision is
            // now applied or superseded (its page changed again since).
            long newest = batch.stream().mapToLong(PageSnapshot::revisionId).max().orElse(0);
            offers.keySet().removeIf(revisionId -> revisionId <= newest);
        }
    }

    /** Puts one page's current state in the index; collects redirect targets whose documents must follow. */
    private void apply(PageSnapshot change, Set<Title> retarget) {
        try {
            Term id = new Term(SearchFields.ID, PageDocument.id(change.pageId()));
            redirects.forget(change.pageId()).ifPresent(retarget::add);
            if (change.deleted()) {
                writer.deleteDocuments(id);
                titles.remove(change.title());
                return;
            }
            titles.add(change.title());
            Offer offered = offers.remove(change.revisionId());
            ParsedPage parsed = offered != null ? offered.parsed() : parse(change.markdown());
            if (parsed.redirect().isPresent()) {
                Title target = parsed.redirect().get();
                retarget.add(target);
                writer.updateDocument(id, PageDocument.redirect(change, target));
                redirects.remember(change.pageId(), change.title(), target);
            } else {
                writer.updateDocument(id, PageDocument.page(change, parsed, redirects.leadingTo(change.title())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a page's text says; for text beyond the renderer's limits (saved before they existed),
     * the text as written, so the page can still be found and the indexer never stalls on it.
     */
    private ParsedPage parse(String markdown) {
        try {
            return renderer.parse(markdown);
        } catch (TooComplexException e) {
            return ParsedPage.textOnly(markdown);
        }
    }

    private IndexedRedirects indexedRedirects() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return IndexedRedirects.read(searcher);
        } finally {
            searchers.release(searcher);
        }
    }
}
