package org.clinwiki.page;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinwiki.db.Database;
import org.clinwiki.error.DatabaseUnavailableException;
import org.clinwiki.render.PageConnections;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.TooComplexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the pages that use a changed template up to date: their links, categories and
 * transclusions, and (by recording a change for each) their search documents and cached views.
 * Works off the queue the save wrote in its own transaction, oldest first, on one background
 * thread, so the refresh happens in order and survives a restart. Each page is parsed outside
 * any transaction and written only if it has no newer revision (which was parsed with the new
 * template already). Their views are right before this runs: a view checks its templates.
 */
public final class TemplateRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TemplateRefresh.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Database database;
    private final Renderer renderer;
    private final PageListener listener;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "template-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();

    /** {@code listener} hears of the pages refreshed (the search index). */
    public TemplateRefresh(Database database, Renderer renderer, PageListener listener) {
        this.database = database;
        this.renderer = renderer;
        this.listener = listener;
    }

    /** Starts working off the queue, now and every few seconds, and whenever {@link #wake} is called. */
    public void start() {
        worker.scheduleWithFixedDelay(this::drainLogged, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something may have been queued: look soon rather than at the next poll. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakePending.set(false);
                drainLogged();
            });
        }
    }

    /** How many template changes still wait to reach the pages using them. */
    public long pending() {
        return database.read(TemplateStore.class, TemplateStore::pendingChanges);
    }

    private void drainLogged() {
        try {
            drain();
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isTransient(e)) {
                log.warn("Refreshing the pages that use a changed template waits for the database ({})", e.getMessage());
            } else {
                log.warn("Refreshing the pages that use a changed template failed; retrying at the next poll", e);
            }
        }
    }

    /** Works off every queued change, oldest first. */
    void drain() {
        Optional<TemplateChange> change;
        while ((change = database.read(TemplateStore.class, TemplateStore::oldestChange)).isPresent()) {
            TemplateChange next = change.get();
            List<Long> users = database.read(TemplateStore.class,
                    store -> store.userIds(next.title().namespace().key(), next.title().name()));
            boolean refreshed = false;
            for (long pageId : users) {
                refreshed |= refresh(pageId);
            }
            database.update(handle -> handle.attach(TemplateStore.class).done(next.id()));
            if (refreshed) {
                listener.pagesChanged();
            }
        }
    }

    private boolean refresh(long pageId) {
        record Latest(Page page, String text) {
        }
        Optional<Latest> latest = database.read(handle -> handle.attach(PageStore.class).findById(pageId)
                .map(page -> new Latest(page, handle.attach(RevisionStore.class).content(page.latestRevisionId()))));
        if (latest.isEmpty()) {
            return false;
        }
        PageConnections connections;
        try {
            connections = renderer.connections(latest.get().text());
        } catch (TooComplexException e) {
            return false;
        }
        long revisionId = latest.get().page().latestRevisionId();
        return database.write(handle -> {
            Stores stores = Stores.of(handle);
            Optional<Page> now = stores.pages().findById(pageId);
            if (now.isEmpty() || now.get().latestRevisionId() != revisionId) {
                return false;
            }
            stores.writeConnections(pageId, connections, false);
            stores.pages().recordChange(pageId);
            return true;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
