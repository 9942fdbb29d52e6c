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
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.clinwiki.page.PageChange;
import org.clinwiki.page.PageFeed;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Title;

/**
 * Writes pages' current state into the index, and keeps redirect targets in step: when a
 * redirect appears, moves or goes, the documents of its old and new targets are rewritten so
 * their {@code title} field lists the names that lead to them. Thread-safe.
 */
final class PageIndexer {

    private static final int MAX_OFFERED = 64;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PageFeed feed;
    private final Renderer renderer;
    private final TitleSuggester titles;
    /** Redirect targets of documents written since the last refresh, which the searcher cannot see yet (empty: not a redirect). */
    private final Map<Long, Optional<Title>> unrefreshedTargets = new ConcurrentHashMap<>();
    /** Saved changes with their texts as their saves parsed them, by revision id, until the revision is indexed. */
    private final Map<Long, Offer> offers = new ConcurrentHashMap<>();

    private record Offer(PageChange change, ParsedPage parsed) {
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
    void offer(PageChange change, ParsedPage parsed) {
        if (offers.size() < MAX_OFFERED) {
            offers.put(change.revisionId(), new Offer(change, parsed));
        }
    }

    /**
     * The offered change numbered {@code seq + 1}, if any. Each change takes the next number, so
     * nothing can come between: applying it alone skips reading the feed.
     */
    Optional<PageChange> offeredAfter(long seq) {
        return offers.values().stream().map(Offer::change).filter(change -> change.seq() == seq + 1).findFirst();
    }

    /** Writes a batch of changes (in parallel when it is large), then the redirect targets they touched. */
    void applyAll(List<PageChange> batch) throws IOException {
        Set<Title> retarget = ConcurrentHashMap.newKeySet();
        Stream<PageChange> changes = batch.size() > 8 ? batch.parallelStream() : batch.stream();
        try {
            changes.forEach(change -> apply(change, retarget));
            for (Title target : retarget) {
                for (PageChange current : feed.current(target)) {
                    apply(current, new LinkedHashSet<>());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            // Revision ids grow with each commit: any offer up to the batch's newest revision is
            // now applied or superseded (its page changed again since).
            long newest = batch.stream().mapToLong(PageChange::revisionId).max().orElse(0);
            offers.keySet().removeIf(revisionId -> revisionId <= newest);
        }
    }

    /** The searcher now shows everything written: stored fields answer again. */
    void refreshed() {
        unrefreshedTargets.clear();
    }

    /** Puts one page's current state in the index; collects redirect targets whose documents must follow. */
    private void apply(PageChange change, Set<Title> retarget) {
        try {
            Term id = new Term(SearchFields.ID, PageDocument.id(change.pageId()));
            Optional<Title> written = unrefreshedTargets.get(change.pageId());
            (written != null ? written : storedRedirectTarget(id)).ifPresent(retarget::add);
            if (change.deleted()) {
                writer.deleteDocuments(id);
                unrefreshedTargets.put(change.pageId(), Optional.empty());
                titles.remove(change.title());
                return;
            }
            titles.add(change.title());
            Offer offered = offers.remove(change.revisionId());
            ParsedPage parsed = offered != null ? offered.parsed() : renderer.parse(change.markdown());
            if (parsed.redirect().isPresent()) {
                Title target = parsed.redirect().get();
                retarget.add(target);
                writer.updateDocument(id, PageDocument.redirect(change, target));
                unrefreshedTargets.put(change.pageId(), Optional.of(target));
            } else {
                writer.updateDocument(id, PageDocument.page(change, parsed, feed.redirectsTo(change.title())));
                unrefreshedTargets.put(change.pageId(), Optional.empty());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Title> storedRedirectTarget(Term id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs found = searcher.search(new TermQuery(id), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document stored = searcher.storedFields().document(found.scoreDocs[0].doc, Set.of(SearchFields.REDIRECT_TARGET));
            return PageDocument.redirectTarget(stored).flatMap(PageIndexer::title);
        } finally {
            searchers.release(searcher);
        }
    }

    private static Optional<Title> title(String text) {
        try {
            return Optional.of(Title.parse(text));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }
}
