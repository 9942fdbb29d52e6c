package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.clinwiki.page.PageChange;
import org.clinwiki.page.PageFeed;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Title;
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
public final class SearchIndex implements AutoCloseable {

    /** Bump when documents or analysis change; an index of another layout is rebuilt on open. */
    static final String LAYOUT = "2";
    static final String DIRECTORY = "index";

    private static final String SEQ_KEY = "clinwiki.seq";
    private static final String LAYOUT_KEY = "clinwiki.layout";
    private static final int BATCH = 256;
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    // While catching up on many changes, refreshing the searcher after every batch would flush a tiny segment each time.
    private static final Duration REFRESH_EVERY_WHILE_BEHIND = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PageFeed feed;
    private final Renderer renderer;
    private final TitleSuggester titles = new TitleSuggester();
    private final boolean rebuilding;
    private final Object progress = new Object();
    private volatile long appliedSeq;
    /** The last change the searcher shows; behind {@link #appliedSeq} only between refreshes. */
    private volatile long searchedSeq;
    private volatile boolean closing;
    private boolean wakeRequested;
    private long lastCommitNanos = System.nanoTime();
    private long lastRefreshNanos = System.nanoTime();
    /** Redirect targets of documents written since the last refresh, which the searcher cannot see yet (empty: not a redirect). */
    private final Map<Long, Optional<Title>> unrefreshedTargets = new java.util.concurrent.ConcurrentHashMap<>();
    private long committedSeq;
    private Thread indexer;

    private SearchIndex(Path path, FSDirectory directory, IndexWriter writer, long appliedSeq, boolean rebuilding,
                        PageFeed feed, Renderer renderer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.appliedSeq = appliedSeq;
        this.searchedSeq = appliedSeq;
        this.committedSeq = appliedSeq;
        this.rebuilding = rebuilding;
        this.feed = feed;
        this.renderer = renderer;
    }

    /**
     * Opens the index in {@code dataDir/index}, or starts a new one if it is missing, unreadable
     * or of another layout. Call {@link #start()} to begin catching up.
     *
     * @throws SearchIndexLockedException if another process holds the index
     */
    public static SearchIndex open(Path dataDir, PageFeed feed, Renderer renderer) {
        Path path = dataDir.resolve(DIRECTORY);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search index folder " + path, e);
        }
        try {
            return openExisting(path, feed, renderer);
        } catch (LockObtainFailedException e) {
            throw new SearchIndexLockedException(path);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index in {} cannot be used ({}); rebuilding it from the database.", path, e.toString());
            return fresh(path, feed, renderer);
        }
    }

    /** Opens an empty index in place of whatever is in {@code dataDir/index}: for {@code reindex}. */
    public static SearchIndex create(Path dataDir, PageFeed feed, Renderer renderer) {
        Path path = dataDir.resolve(DIRECTORY);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search index folder " + path, e);
        }
        return fresh(path, feed, renderer);
    }

    private static SearchIndex openExisting(Path path, PageFeed feed, Renderer renderer) throws IOException {
        FSDirectory directory = FSDirectory.open(path);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return new SearchIndex(path, directory, writer(directory, IndexWriterConfig.OpenMode.CREATE), 0, true, feed, renderer);
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!LAYOUT.equals(data.get(LAYOUT_KEY)) || !data.containsKey(SEQ_KEY)) {
                log.info("The search index in {} has another layout; rebuilding it from the database.", path);
                return new SearchIndex(path, directory, writer(directory, IndexWriterConfig.OpenMode.CREATE), 0, true, feed, renderer);
            }
            long seq = Long.parseLong(data.get(SEQ_KEY));
            IndexWriter writer = writer(directory, IndexWriterConfig.OpenMode.APPEND);
            try {
                // Opening a reader touches every segment: a missing or damaged file shows up here, not mid-search.
                DirectoryReader.open(writer).close();
                return new SearchIndex(path, directory, writer, seq, false, feed, renderer);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static SearchIndex fresh(Path path, PageFeed feed, Renderer renderer) {
        try {
            deleteContents(path);
            FSDirectory directory = FSDirectory.open(path);
            return new SearchIndex(path, directory, writer(directory, IndexWriterConfig.OpenMode.CREATE), 0, true, feed, renderer);
        } catch (LockObtainFailedException e) {
            throw new SearchIndexLockedException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a search index in " + path, e);
        }
    }

    private static IndexWriter writer(FSDirectory directory, IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(SearchFields.indexAnalyzer())
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    private static void deleteContents(Path path) throws IOException {
        if (Files.exists(path.resolve(IndexWriter.WRITE_LOCK_NAME))) {
            // A lock file alone is harmless (Lucene uses OS locks); a live holder is found when the writer opens.
            try (FSDirectory probe = FSDirectory.open(path); var lock = probe.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                lock.ensureValid();
            }
        }
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.delete(file);
                }
            }
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

    /** Wakes the indexer: pages changed. Returns at once. */
    public void requestCatchUp() {
        synchronized (progress) {
            wakeRequested = true;
            progress.notifyAll();
        }
    }

    /**
     * Waits until every change committed before this call is searchable, or the timeout passes.
     * Returns whether it is.
     */
    public boolean awaitCurrent(Duration timeout) throws InterruptedException {
        long target = feed.latest();
        long deadline = System.nanoTime() + timeout.toNanos();
        requestCatchUp();
        synchronized (progress) {
            while (searchedSeq < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    public TitleSuggester titles() {
        return titles;
    }

    /** Runs {@code search} on the current point-in-time view of the index. */
    <T> T withSearcher(SearcherFunction<T> search) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return search.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @FunctionalInterface
    interface SearcherFunction<T> {
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
        while (!closing) {
            try {
                while (!closing && applyNextBatch() > 0) {
                    if (System.nanoTime() - lastCommitNanos >= COMMIT_EVERY.toNanos()) {
                        commit();
                    }
                }
                if (searchedSeq != appliedSeq) {
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
                sleepUntilWoken(COMMIT_EVERY);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    return;
                }
                log.error("The search indexer failed; retrying in a second", e);
                try {
                    sleepUntilWoken(Duration.ofSeconds(1));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void sleepUntilWoken(Duration timeout) throws InterruptedException {
        synchronized (progress) {
            if (!wakeRequested && !closing) {
                progress.wait(timeout.toMillis());
            }
            wakeRequested = false;
        }
    }

    /** Applies the next changes after {@link #appliedSeq} and makes them searchable; returns how many. */
    private int applyNextBatch() throws IOException {
        List<PageChange> batch = feed.since(appliedSeq, BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        Set<Title> retarget = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        }
        long seq = batch.getLast().seq();
        if (batch.size() < BATCH || System.nanoTime() - lastRefreshNanos >= REFRESH_EVERY_WHILE_BEHIND.toNanos()) {
            refresh(seq);
        } else {
            synchronized (progress) {
                appliedSeq = seq;
            }
        }
        return batch.size();
    }

    /** Makes everything written so far searchable, and tells those waiting that {@code seq} is. */
    private void refresh(long seq) throws IOException {
        searchers.maybeRefreshBlocking();
        unrefreshedTargets.clear();
        lastRefreshNanos = System.nanoTime();
        synchronized (progress) {
            appliedSeq = seq;
            searchedSeq = seq;
            progress.notifyAll();
        }
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
            ParsedPage parsed = renderer.parse(change.markdown());
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
            return PageDocument.redirectTarget(stored).flatMap(SearchIndex::title);
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

    private synchronized void commit() throws IOException {
        long seq = appliedSeq;
        Map<String, String> data = new HashMap<>();
        data.put(SEQ_KEY, Long.toString(seq));
        data.put(LAYOUT_KEY, LAYOUT);
        writer.setLiveCommitData(data.entrySet());
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
