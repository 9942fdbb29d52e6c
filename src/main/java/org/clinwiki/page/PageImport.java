package org.clinwiki.page;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinwiki.error.WikiException;
import org.clinwiki.user.Actor;

/**
 * Imports many pages whose text comes from outside the wiki (a folder of Markdown files, later
 * other wikis' exports): the text replaces what each page holds. Pages are written in batches,
 * one transaction (one disk sync) each, while the next batch is read and parsed on another
 * thread; a batch that breaks a rule is saved one page at a time, so only the offending pages
 * fail. Imports are the operator's own bulk work: not throttled, not merged.
 */
public final class PageImport {

    /**
     * Pages per transaction. Each commit rewrites every page of the link-target index that the
     * batch touched, and a batch's links land all over it: 1,000 pages per commit instead of
     * 200 took an import from about 1,700 to 2,300 pages/s at 20,000 pages, 2,500 instead of
     * 1,000 from about 2,700 to 3,000 (warm). Two batches are in memory at a time.
     */
    public static final int BATCH = 2500;

    private final PageService pages;

    public PageImport(PageService pages) {
        this.pages = pages;
    }

    /** One page to import, and where it came from (a file name), for reports. */
    public record Item(String source, Replacement replacement) {
    }

    /** What an import did: pages created, changed, left as they were (same text), and refused. */
    public record Summary(int created, int updated, int unchanged, int failed) {

        public int total() {
            return created + updated + unchanged + failed;
        }
    }

    /** Hears of an import's progress; called on the importing thread. */
    public interface Listener {

        /** A page was not imported, and why. */
        void failed(String source, String reason);

        /** {@code done} items have been written or refused so far. */
        default void progress(int done) {
        }
    }

    /**
     * Imports {@code items}, read on a separate thread (so reading the source overlaps writing),
     * as {@code actor}. Returns when all are written or refused.
     */
    public Summary run(Actor actor, Iterator<Item> items, Listener listener) {
        ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("import-reader").factory());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        int done = 0;
        try {
            Future<Batch> next = reader.submit(() -> readBatch(items));
            while (true) {
                Batch batch = await(next);
                if (batch.items().isEmpty()) {
                    break;
                }
                next = reader.submit(() -> readBatch(items));
                List<Optional<SaveResult>> results = write(actor, batch, listener);
                for (Optional<SaveResult> result : results) {
                    if (result.isEmpty()) {
                        failed++;
                        continue;
                    }
                    switch (result.get().outcome()) {
                        case CREATED -> created++;
                        case UNCHANGED -> unchanged++;
                        default -> updated++;
                    }
                }
                done += results.size();
                listener.progress(done);
            }
        } finally {
            reader.shutdownNow();
        }
        return new Summary(created, updated, unchanged, failed);
    }

    /** Items read and, when the whole batch keeps the rules, parsed. */
    private record Batch(List<Item> items, Optional<PageService.ParsedBatch> parsed) {
    }

    private Batch readBatch(Iterator<Item> items) {
        List<Item> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && items.hasNext()) {
            batch.add(items.next());
        }
        Optional<PageService.ParsedBatch> parsed;
        try {
            parsed = batch.isEmpty() ? Optional.empty()
                    : Optional.of(pages.prepare(batch.stream().map(Item::replacement).toList()));
        } catch (WikiException e) {
            // Something in the batch breaks a rule: it is saved one by one to learn which.
            parsed = Optional.empty();
        }
        return new Batch(batch, parsed);
    }

    /** One result per item, in order: empty where the item was refused (and reported). */
    private List<Optional<SaveResult>> write(Actor actor, Batch batch, Listener listener) {
        if (batch.parsed().isPresent()) {
            try {
                return pages.replaceAll(actor, batch.parsed().get()).stream().map(Optional::of).toList();
            } catch (WikiException e) {
                // Falls through to saving one by one.
            }
        }
        List<Optional<SaveResult>> results = new ArrayList<>(batch.items().size());
        for (Item item : batch.items()) {
            Replacement one = item.replacement();
            try {
                results.add(Optional.of(pages.replace(actor, one.title(), one.markdown(), one.summary())));
            } catch (WikiException e) {
                listener.failed(item.source(), e.getMessage());
                results.add(Optional.empty());
            }
        }
        return results;
    }

    private static Batch await(Future<Batch> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
