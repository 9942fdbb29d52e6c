package org.clinwiki.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.clinwiki.page.PageSnapshot;
import org.clinwiki.error.DatabaseUnavailableException;
import org.clinwiki.page.PageFeed;
import org.clinwiki.page.PageListener;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index in {@code DATA/index}, kept up to date from the page change log.
 *
 * <p>The database is the source of truth. Each commit records the last change number the
 * index holds; on open, a background thread catches up from there, and after each save it is
 * woken to apply the change and refresh the searcher (near real time: milliseconds, not a
 * second). An index that is missing, corrupt or of an older layout is thrown away and
 * rebuilt from change zero while searches go on answering from what is indexed so far.
 * Commits happen every few seconds; after a crash the replay simply applies the last changes
 * again (updates are by page id, so applying one twice does no harm).
 */
public final class SearchIndex implements PageListener, AutoCloseable {

    private static final int BATCH = 256;
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    // Other nodes' changes normally wake the follower at once (their notifications); polling
    // this often bounds the delay when a notification was lost.
    private static final Duration POLL_EVERY = Duration.ofSeconds(1);
    // While catching up on many changes, refreshing the searcher after every batch would flush a tiny segment each time.
    private static final Duration REFRESH_EVERY_WHILE_BEHIND = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PageFeed feed;
    private final ClinicalSynonyms vocabulary;
    private final TitleSuggester titles = new TitleSuggester();
    private final PageIndexer pages;
    private final boolean rebuilding;
    /** What the searcher shows; behind {@link #appliedSeq} only between refreshes. */
    private final SearchProgress progress;
    private volatile long appliedSeq;
    private volatile boolean closing;
    private long lastCommitNanos = System.nanoTime();
    private long lastRefreshNanos = System.nanoTime();
    private long committedSeq;
    private Thread indexer;

    private SearchIndex(IndexFiles.Opened files, PageFeed feed, Renderer renderer, ClinicalSynonyms vocabulary)
            throws IOException {
        this.path = files.path();
        this.directory = files.directory();
        this.writer = files.writer();
        this.searchers = new SearcherManager(writer, null);
        this.appliedSeq = files.appliedSeq();
        this.progress = new SearchProgress(appliedSeq);
        this.committedSeq = appliedSeq;
        this.rebuilding = files.rebuilding();
        this.feed = feed;
        this.vocabulary = vocabulary;
        this.pages = new PageIndexer(writer, searchers, feed, renderer, titles);
    }

    /**
     * Opens the index in {@code dataDir/index}, or starts a new one if it is missing, unreadable,
     * of another layout or built with another synonym list. Call {@link #start()} to begin
     * catching up.
     *
     * <p>The synonym list ({@link ClinicalSynonyms#load}) belongs to the index: its concept terms are indexed.
     *
     * @throws SearchIndexLockedException if another process holds the index
     */
    public static SearchIndex open(Path dataDir, PageFeed feed, Renderer renderer, SharedVocabulary shared) {
        ClinicalSynonyms vocabulary = ClinicalSynonyms.load(dataDir, shared);
        return opened(IndexFiles.open(dataDir, vocabulary), feed, renderer, vocabulary);
    }

    /** Opens an empty index in place of whatever is in {@code dataDir/index}: for {@code reindex}. */
    public static SearchIndex create(Path dataDir, PageFeed feed, Renderer renderer, SharedVocabulary shared) {
        ClinicalSynonyms vocabulary = ClinicalSynonyms.load(dataDir, shared);
        return opened(IndexFiles.create(dataDir, vocabulary), feed, renderer, vocabulary);
    }

    private static SearchIndex opened(IndexFiles.Opened files, PageFeed feed, Renderer renderer, ClinicalSynonyms vocabulary) {
        try {
            return new SearchIndex(files, feed, renderer, vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a searcher on " + files.path(), e);
        }
    }

    /** Loads the titles for autocomplete and starts following the change log in the background. */
    public SearchIndex start() {
        titles.replaceAll(feed.liveTitles());
        if (rebuilding) {
            log.info("Building the search index in {} from {} pages", path, feed.size());
        }
        indexer = Thread.ofPlatform().name("search-indexer").daemon().start(this::follow);
        return this;
    }

    @Override
    public void pagesChanged() {
        requestCatchUp();
    }

    /** Wakes the indexer: pages changed. Returns at once. */
    public void requestCatchUp() {
        progress.wake();
    }

    /**
     * Wakes the indexer for a saved change whose text the save has parsed already: the indexer
     * uses both instead of reading the change from the database and parsing its text again.
     * Returns at once.
     */
    @Override
    public void revisionSaved(PageSnapshot change, ParsedPage parsed) {
        pages.offer(change, parsed);
        requestCatchUp();
    }

    /**
     * Waits until every change committed before this call is searchable, or the timeout passes.
     * Returns whether it is.
     */
    public boolean awaitCurrent(Duration timeout) throws InterruptedException {
        long target = feed.latest();
        requestCatchUp();
        return awaitSearchable(target, timeout);
    }

    /** Waits until change {@code seq} and those before it are searchable, or the timeout passes. Returns whether they are. */
    public boolean awaitSearchable(long seq, Duration timeout) throws InterruptedException {
        return progress.await(seq, timeout);
    }

    /** The database's latest change: what this index is behind while it has not reached it. */
    public long latestChange() {
        return feed.latest();
    }

    /** The last change searches show: what {@link #awaitSearchable} waits for, and how far behind the database this node is. */
    public long searchableSeq() {
        return progress.searched();
    }

    public TitleSuggester titles() {
        return titles;
    }

    /** The synonym list the index was built with; queries must use the same. */
    ClinicalSynonyms vocabulary() {
        return vocabulary;
    }

    /**
     * Runs {@code search} on the current point-in-time view of the index. Public for the search
     * benchmark's baseline (bare Lucene queries on this index).
     */
    public <T> T withSearcher(SearcherFunction<T> search) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return search.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** How catch-up is going, for a progress line. */
    @FunctionalInterface
    public interface Progress {
        void indexed(long pages, long total);
    }

    /**
     * Applies every change up to the latest, in the calling thread, reporting as it goes, and
     * commits. For {@code reindex} on an index from {@link #create}; returns the pages indexed.
     */
    public long catchUpNow(Progress report) throws IOException {
        long total = feed.size();
        long done = 0;
        int applied;
        while ((applied = applyNextBatch()) > 0) {
            done += applied;
            report.indexed(done, total);
        }
        compact();
        return done;
    }

    /** Merges the index into few segments: worth it once after building from scratch, when nothing else is writing. */
    void compact() throws IOException {
        writer.forceMerge(1);
        refresh(appliedSeq);
        commit();
    }

    private void follow() {
        boolean compactWhenCaughtUp = rebuilding;
        boolean databaseDown = false;
        while (!closing) {
            try {
                while (!closing && applyNextBatch() > 0) {
                    if (System.nanoTime() - lastCommitNanos >= COMMIT_EVERY.toNanos()) {
                        commit();
                    }
                }
                if (progress.searched() != appliedSeq) {
                    refresh(appliedSeq);
                }
                if (compactWhenCaughtUp && !closing) {
                    compactWhenCaughtUp = false;
                    compact();
                    log.info("The search index in {} is rebuilt: {} pages", path, writer.getDocStats().numDocs);
                }
                if (committedSeq != appliedSeq && System.nanoTime() - lastCommitNanos >= COMMIT_EVERY.toNanos()) {
                    commit();
                }
                if (databaseDown) {
                    log.info("The search index follows the change log again");
                    databaseDown = false;
                }
                progress.rest(POLL_EVERY, closing);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    return;
                }
                if (DatabaseUnavailableException.isTransient(e)) {
                    if (!databaseDown) {
                        log.warn("The search index cannot read the change log ({}); retrying every second", e.getMessage());
                        databaseDown = true;
                    }
                } else {
                    log.error("The search indexer failed; retrying in a second", e);
                }
                try {
                    progress.rest(Duration.ofSeconds(1), closing);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Applies the next changes after {@link #appliedSeq} and makes them searchable; returns how many. */
    private int applyNextBatch() throws IOException {
        // An edit handed over by its save is the whole batch when it is the very next change.
        List<PageSnapshot> batch = pages.offeredAfter(appliedSeq).map(List::of).orElseGet(() -> feed.since(appliedSeq, BATCH));
        if (batch.isEmpty()) {
            return 0;
        }
        pages.applyAll(batch);
        long seq = batch.getLast().seq();
        if (batch.size() < BATCH || System.nanoTime() - lastRefreshNanos >= REFRESH_EVERY_WHILE_BEHIND.toNanos()) {
            refresh(seq);
        } else {
            appliedSeq = seq;
        }
        return batch.size();
    }

    /** Makes everything written so far searchable, and tells those waiting that {@code seq} is. */
    private void refresh(long seq) throws IOException {
        searchers.maybeRefreshBlocking();
        lastRefreshNanos = System.nanoTime();
        appliedSeq = seq;
        progress.searchable(seq);
    }

    private synchronized void commit() throws IOException {
        long seq = appliedSeq;
        writer.setLiveCommitData(IndexFiles.commitData(seq, vocabulary).entrySet());
        writer.commit();
        committedSeq = seq;
        lastCommitNanos = System.nanoTime();
    }

    @Override
    public void close() {
        closing = true;
        requestCatchUp();
        if (indexer != null) {
            // No interrupt: an interrupted write can break the IndexWriter. The loop checks closing between batches.
            try {
                indexer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (writer.isOpen()) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not commit the search index on close; it will catch up on next start", e);
        }
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("Could not close the search index cleanly", e);
        }
    }
}
