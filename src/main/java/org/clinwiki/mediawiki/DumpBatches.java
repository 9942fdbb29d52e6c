package org.clinwiki.mediawiki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.clinwiki.wikitext.Contributor;
import org.clinwiki.wikitext.DumpEntry;
import org.clinwiki.wikitext.DumpPage;
import org.clinwiki.wikitext.DumpReader;
import org.clinwiki.wikitext.DumpRevision;
import org.clinwiki.wikitext.DumpUpload;
import org.clinwiki.wikitext.MalformedDumpException;

/**
 * Cuts a dump into batches of bounded size (revisions and characters of text), so memory stays
 * bounded however large the dump and however long one page's history: a page whose revisions
 * do not fit goes on in the next batch. Uploads are collected (they are small) for the files
 * that follow the pages.
 */
final class DumpBatches {

    /** Consecutive revisions of one page; {@code last} when the page ends with them. */
    record PageChunk(DumpPage page, List<DumpRevision> revisions, boolean last) {
    }

    /** Chunks to write together; empty at the end of the dump. */
    record Batch(List<PageChunk> chunks, long bytesRead) {

        int revisions() {
            return chunks.stream().mapToInt(chunk -> chunk.revisions().size()).sum();
        }
    }

    /** An upload recorded in the dump, with the page it belongs to. */
    record PageUpload(DumpPage page, DumpUpload upload) {
    }

    /** A revision of a file's page, without its text: who may have uploaded the file, and when. */
    record FileEdit(Instant at, Contributor by, String comment) {
    }

    private static final int FILE_NAMESPACE = 6;

    private final DumpReader reader;
    private final int maxRevisions;
    private final long maxChars;
    private final List<PageUpload> uploads = new ArrayList<>();
    private final Map<DumpPage, List<FileEdit>> filePages = new LinkedHashMap<>();
    private DumpPage current;
    private MalformedDumpException broken;
    private List<DumpRevision> pending = new ArrayList<>();

    DumpBatches(DumpReader reader, int maxRevisions, long maxChars) {
        this.reader = reader;
        this.maxRevisions = maxRevisions;
        this.maxChars = maxChars;
    }

    /**
     * The next batch. Where the dump turns out broken, the batch ends with what was read before
     * (so it is imported), and the next call throws the reader's exception.
     */
    Batch next() {
        if (broken != null) {
            throw broken;
        }
        List<PageChunk> chunks = new ArrayList<>();
        int revisions = 0;
        long chars = 0;
        while (revisions < maxRevisions && chars < maxChars) {
            Optional<DumpEntry> entry;
            try {
                entry = reader.next();
            } catch (MalformedDumpException e) {
                broken = e;
                if (!pending.isEmpty()) {
                    chunks.add(new PageChunk(current, pending, true));
                    pending = new ArrayList<>();
                }
                if (chunks.isEmpty()) {
                    throw e;
                }
                return new Batch(chunks, reader.bytesRead());
            }
            if (entry.isEmpty()) {
                break;
            }
            switch (entry.get()) {
                case DumpPage page -> {
                    current = page;
                    pending = new ArrayList<>();
                }
                case DumpRevision revision -> {
                    pending.add(revision);
                    if (current.namespace() == FILE_NAMESPACE) {
                        filePages.computeIfAbsent(current, page -> new ArrayList<>())
                                .add(new FileEdit(revision.timestamp(), revision.contributor(), revision.comment().orElse("")));
                    }
                    revisions++;
                    chars += revision.text().map(String::length).orElse(0);
                }
                case DumpUpload upload -> uploads.add(new PageUpload(current, upload));
                case DumpEntry.PageEnd end -> {
                    chunks.add(new PageChunk(current, pending, true));
                    pending = new ArrayList<>();
                }
            }
        }
        if (!pending.isEmpty()) {
            chunks.add(new PageChunk(current, pending, false));
            pending = new ArrayList<>();
        }
        return new Batch(chunks, reader.bytesRead());
    }

    /** The file pages seen so far with their revisions, oldest first. */
    Map<DumpPage, List<FileEdit>> filePages() {
        return filePages;
    }

    /** The uploads seen so far; all of them once {@link #next()} returned an empty batch. */
    List<PageUpload> uploads() {
        return uploads;
    }
}
