package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.clinwiki.page.PageChange;
import org.clinwiki.page.PageFeed;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Title;

/**
 * Writes pages' current state into the index, and keeps redirect targets in step: when a
 * redirect appears, moves or goes, the documents of its old and new targets are rewritten so
 * their {@code title} field lists the names that lead to them. Which redirects the index holds
 * is kept in memory too (read from the index once): asking the searcher and the database for
 * them was a tenth of the work of indexing an edit. Thread-safe.
 */
final class PageIndexer {

    private static final int MAX_OFFERED = 64;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PageFeed feed;
    private final Renderer renderer;
    private final TitleSuggester titles;
    /** The redirects written to the index, by page id; null until read from the index. */
    private volatile Map<Long, Redirect> redirects;
    /** Saved changes with their texts as their saves parsed them, by revision id, until the revision is indexed. */
    private final Map<Long, Offer> offers = new ConcurrentHashMap<>();

    private record Offer(PageChange change, ParsedPage parsed) {
    }

    private record Redirect(Title title, Title target) {
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
        if (redirects == null) {
            redirects = indexedRedirects();
        }
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

    /** Puts one page's current state in the index; collects redirect targets whose documents must follow. */
    private void apply(PageChange change, Set<Title> retarget) {
        try {
            Term id = new Term(SearchFields.ID, PageDocument.id(change.pageId()));
            Redirect before = redirects.remove(change.pageId());
            if (before != null) {
                retarget.add(before.target());
            }
            if (change.deleted()) {
                writer.deleteDocuments(id);
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
                redirects.put(change.pageId(), new Redirect(change.title(), target));
            } else {
                writer.updateDocument(id, PageDocument.page(change, parsed, redirectsTo(change.title())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the redirects written to the index that lead to {@code target}, by name. */
    private List<Title> redirectsTo(Title target) {
        return redirects.values().stream().filter(redirect -> redirect.target().equals(target)).map(Redirect::title)
                .sorted(Comparator.comparing(Title::name)).toList();
    }

    /** Every redirect document in the index, as the writer opened it. */
    private Map<Long, Redirect> indexedRedirects() throws IOException {
        Map<Long, Redirect> found = new ConcurrentHashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(SearchFields.ID, SearchFields.DISPLAY, SearchFields.REDIRECT_TARGET);
            TermQuery redirectDocuments = new TermQuery(new Term(SearchFields.KIND, SearchFields.REDIRECT));
            for (ScoreDoc hit : searcher.search(redirectDocuments, Math.max(1, searcher.count(redirectDocuments))).scoreDocs) {
                Document doc = stored.document(hit.doc, fields);
                Optional<Title> title = title(doc.get(SearchFields.DISPLAY));
                Optional<Title> target = PageDocument.redirectTarget(doc).flatMap(PageIndexer::title);
                if (title.isPresent() && target.isPresent()) {
                    found.put(Long.parseLong(doc.get(SearchFields.ID)), new Redirect(title.get(), target.get()));
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return found;
    }

    private static Optional<Title> title(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Title.parse(text));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }
}
