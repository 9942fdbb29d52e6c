package org.clinwiki.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index folder, {@code DATA/index}: opening what is there if it is usable, or starting
 * empty in its place, and what each commit records (the last page change it holds, the
 * document layout, and the synonym list its concept terms come from).
 */
final class IndexFiles {

    /** Bump when documents or analysis change; an index of another layout is rebuilt on open. */
    static final String LAYOUT = "7";
    static final String DIRECTORY = "index";

    private static final String SEQ_KEY = "clinwiki.seq";
    private static final String LAYOUT_KEY = "clinwiki.layout";
    private static final String VOCABULARY_KEY = "clinwiki.vocabulary";
    private static final Logger log = LoggerFactory.getLogger(IndexFiles.class);
    private static final double NRT_MERGE_MB = 4;
    private static final double NRT_CACHE_MB = 32;

    /** An open index: where it is, its writer, the last change it holds, and whether it starts empty. */
    record Opened(Path path, Directory directory, IndexWriter writer, long appliedSeq, boolean rebuilding) {
    }

    private IndexFiles() {
    }

    /**
     * The index in {@code dataDir/index}, or a new empty one if it is missing, unreadable, of
     * another layout or built with another synonym list.
     *
     * @throws SearchIndexLockedException if another process holds the index
     */
    static Opened open(Path dataDir, ClinicalSynonyms vocabulary) {
        Path path = folder(dataDir);
        try {
            return openExisting(path, vocabulary);
        } catch (LockObtainFailedException e) {
            throw new SearchIndexLockedException(path);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index in {} cannot be used ({}); rebuilding it from the database.", path, e.toString());
            return fresh(path, vocabulary);
        }
    }

    /** An empty index in place of whatever is in {@code dataDir/index}. */
    static Opened create(Path dataDir, ClinicalSynonyms vocabulary) {
        return fresh(folder(dataDir), vocabulary);
    }

    /** Holds the index's write lock until closed; no lock is needed where there is no index yet. */
    static Closeable hold(Path dataDir) {
        Path path = dataDir.resolve(DIRECTORY);
        if (!Files.isDirectory(path)) {
            return () -> { };
        }
        try {
            FSDirectory directory = FSDirectory.open(path);
            try {
                Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
                return () -> {
                    try (directory) {
                        lock.close();
                    }
                };
            } catch (IOException e) {
                directory.close();
                throw e;
            }
        } catch (LockObtainFailedException e) {
            throw new SearchIndexLockedException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the search index in " + path, e);
        }
    }

    /** What a commit records: the last change applied, the layout and the synonym list. */
    static Map<String, String> commitData(long seq, ClinicalSynonyms vocabulary) {
        return Map.of(SEQ_KEY, Long.toString(seq), LAYOUT_KEY, LAYOUT, VOCABULARY_KEY, vocabulary.fingerprint());
    }

    private static Path folder(Path dataDir) {
        Path path = dataDir.resolve(DIRECTORY);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search index folder " + path, e);
        }
        return path;
    }

    /**
     * The folder, with new small segments kept in memory until they are merged or committed:
     * making an edit searchable flushes a one-page segment, and writing its dozen files to disk
     * took 15–35 ms of the edit's way into search results. Searches read the files memory-mapped;
     * merges read them with plain reads ({@link MergeReads}).
     */
    private static Directory directory(Path path) throws IOException {
        return new NRTCachingDirectory(new MergeReads(FSDirectory.open(path), new NIOFSDirectory(path, NoLockFactory.INSTANCE)),
                NRT_MERGE_MB, NRT_CACHE_MB);
    }

    /**
     * A merge reads every byte of the segments it merges once. Memory-mapped, those pages count
     * in the server's resident memory beside the pages searches use (a merge after a rebuild took
     * the peak from 540 to 620 MB); read through a buffer, they stay in the kernel's page cache.
     */
    private static final class MergeReads extends FilterDirectory {

        private final Directory sequential;

        MergeReads(Directory searched, Directory sequential) {
            super(searched);
            this.sequential = sequential;
        }

        @Override
        public IndexInput openInput(String name, IOContext context) throws IOException {
            return context.context() == IOContext.Context.MERGE ? sequential.openInput(name, context) : super.openInput(name, context);
        }

        @Override
        public void close() throws IOException {
            try (sequential) {
                super.close();
            }
        }
    }

    private static Opened openExisting(Path path, ClinicalSynonyms vocabulary) throws IOException {
        Directory directory = directory(path);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return empty(path, directory, vocabulary);
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!LAYOUT.equals(data.get(LAYOUT_KEY)) || !data.containsKey(SEQ_KEY)) {
                log.info("The search index in {} has another layout; rebuilding it from the database.", path);
                return empty(path, directory, vocabulary);
            }
            if (!vocabulary.fingerprint().equals(data.get(VOCABULARY_KEY))) {
                log.info("The synonym list changed since the search index in {} was built; rebuilding it from the database.", path);
                return empty(path, directory, vocabulary);
            }
            long seq = Long.parseLong(data.get(SEQ_KEY));
            IndexWriter writer = writer(directory, IndexWriterConfig.OpenMode.APPEND, vocabulary);
            try {
                // Opening a reader touches every segment: a missing or damaged file shows up here, not mid-search.
                DirectoryReader.open(writer).close();
                return new Opened(path, directory, writer, seq, false);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static Opened fresh(Path path, ClinicalSynonyms vocabulary) {
        try {
            deleteContents(path);
            Directory directory = directory(path);
            return empty(path, directory, vocabulary);
        } catch (LockObtainFailedException e) {
            throw new SearchIndexLockedException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a search index in " + path, e);
        }
    }

    private static Opened empty(Path path, Directory directory, ClinicalSynonyms vocabulary) throws IOException {
        return new Opened(path, directory, writer(directory, IndexWriterConfig.OpenMode.CREATE, vocabulary), 0, true);
    }

    private static IndexWriter writer(Directory directory, IndexWriterConfig.OpenMode mode, ClinicalSynonyms vocabulary)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(SearchFields.indexAnalyzer(vocabulary))
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64)
                // A flushed segment is usually one edited page, kept in memory until merged: packing
                // its files into a compound file was a tenth of making the edit searchable.
                .setUseCompoundFile(false)
                // Lucene merges small flushed segments during a refresh by default, waiting up to
                // 500 ms: every tenth edit waited 20 ms for a merge of the last ten before it was
                // searchable. The merge thread does the same work in the background.
                .setMaxFullFlushMergeWaitMillis(0)
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
}
