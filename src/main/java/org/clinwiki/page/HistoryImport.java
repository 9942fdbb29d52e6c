package org.clinwiki.page;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.clinwiki.db.Database;
import org.clinwiki.render.PageConnections;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.TooComplexException;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.User;

/**
 * Writes another wiki's page histories as they were: every revision with its original author,
 * time, summary and minor flag, in order, each remembering where it came from and its original
 * text. Revisions already imported are skipped, so importing the same dump twice changes
 * nothing. Old edits are not news: each page whose history grew gets one revision by the
 * importer ("Imported N revisions from X", the text unchanged, as MediaWiki's own import does),
 * and that is what recent changes shows. A page edited here since its last import keeps its
 * text: the new revisions join its history and a last revision restores what was edited here.
 */
public final class HistoryImport {

    /** Pages re-derived per transaction when a run completes. */
    private static final int COMPLETE_BATCH = 1000;

    private final Database database;
    private final Renderer renderer;
    private final PageService pages;
    private final Clock clock;

    public HistoryImport(Database database, Renderer renderer, PageService pages, Clock clock) {
        this.database = database;
        this.renderer = renderer;
        this.pages = pages;
        this.clock = clock;
    }

    /** One revision from the other wiki, converted; {@code wikitext} is its original text. */
    public record Incoming(long sourceRevisionId, long sourcePageId, String sourceSha1, Instant timestamp, User author,
                           String summary, boolean minor, String markdown, String wikitext, int converterVersion) {
    }

    /**
     * Consecutive revisions of one page, oldest first; {@code last} when the page's revisions end
     * with them. {@code newest} is the newest revision's text parsed ({@link #parse}), when the
     * caller parsed it beforehand, on another thread.
     */
    public record Chunk(Title title, List<Incoming> revisions, boolean last, Optional<Parsed> newest) {
    }

    /** A text with its links, categories and redirect worked out, ready to be stored. */
    public static final class Parsed {
        private final Prepared prepared;

        private Parsed(Prepared prepared) {
            this.prepared = prepared;
        }
    }

    /** Parses a text for {@link Chunk#newest}: what a page with it links to and is in. Thread-safe. */
    public Parsed parse(String markdown) {
        return new Parsed(Prepared.connecting(renderer, PageText.normalize(markdown)));
    }

    /** What became of a chunk's page. */
    public enum Outcome {
        /** The page was made, with its revisions. */
        CREATED,
        /** New revisions were added and the page shows the newest. */
        ADDED,
        /** Every revision was imported before. */
        UNCHANGED,
        /** The page was edited here since: revisions were added to its history, its text kept. */
        CONFLICT,
        /** The page was deleted here: nothing was added. */
        DELETED
    }

    /** A chunk's result: how many of its revisions were new. */
    public record Written(Title title, Outcome outcome, int added, int skipped) {
    }

    /** Of the source's revisions {@code ids}, those imported before. */
    public Set<Long> known(long sourceId, List<Long> ids) {
        return ids.isEmpty() ? Set.of()
                : new HashSet<>(database.read(ImportedRevisionStore.class, imported -> imported.known(sourceId, ids)));
    }

    /** An import from one source; chunks of one page must come one after another. Not thread-safe. */
    public Run start(Actor importer, long sourceId, String sourceName) {
        return new Run(importer, sourceId, sourceName);
    }

    /** One import's progress through the pages, so a page whose revisions span batches is finished once. */
    public final class Run {
        private final Actor importer;
        private final long sourceId;
        private final String sourceName;
        private Title current;
        private int addedToCurrent;
        private OptionalLong keptRevision = OptionalLong.empty();
        private boolean deleted;
        /** The batch in which each title written by this run was last written, and each page's links were last derived. */
        private final Map<Title, Integer> writtenIn = new HashMap<>();
        private final Map<Long, Integer> derivedIn = new HashMap<>();
        private int batch;

        private Run(Actor importer, long sourceId, String sourceName) {
            this.importer = importer;
            this.sourceId = sourceId;
            this.sourceName = sourceName;
        }

        /** Writes the chunks in one transaction; their connections are worked out first, outside it. */
        public List<Written> write(List<Chunk> chunks) {
            List<Optional<Prepared>> prepared = chunks.stream()
                    .map(chunk -> chunk.revisions().isEmpty() ? Optional.<Prepared>empty()
                            : Optional.of(chunk.newest().orElseGet(() -> parse(chunk.revisions().getLast().markdown())).prepared))
                    .toList();
            batch++;
            List<Written> written = database.write(handle -> {
                Stores stores = Stores.of(handle);
                ImportedRevisionStore imported = handle.attach(ImportedRevisionStore.class);
                List<Written> results = new ArrayList<>(chunks.size());
                for (int i = 0; i < chunks.size(); i++) {
                    results.add(writeIn(stores, imported, chunks.get(i), prepared.get(i)));
                }
                return results;
            });
            pages.pagesChanged();
            return written;
        }

        private Written writeIn(Stores stores, ImportedRevisionStore imported, Chunk chunk, Optional<Prepared> prepared) {
            List<Incoming> incoming = chunk.revisions();
            Set<Long> known = incoming.isEmpty() ? Set.of()
                    : new HashSet<>(imported.known(sourceId, incoming.stream().map(Incoming::sourceRevisionId).toList()));
            Optional<Page> existing = stores.pages().find(chunk.title());
            if (!chunk.title().equals(current)) {
                begin(chunk.title(), existing, stores, imported);
            }
            List<Incoming> fresh = incoming.stream().filter(revision -> !known.contains(revision.sourceRevisionId())).toList();
            int skipped = incoming.size() - fresh.size();
            if (deleted) {
                return new Written(chunk.title(), Outcome.DELETED, 0, incoming.size());
            }
            Instant now = clock.instant();
            Optional<Page> page = existing;
            if (!fresh.isEmpty()) {
                long pageId = page.map(Page::id).orElseGet(() ->
                        stores.pages().insert(chunk.title().namespace().key(), chunk.title().name(), fresh.getFirst().timestamp()));
                OptionalLong parent = page.map(p -> OptionalLong.of(p.latestRevisionId())).orElse(OptionalLong.empty());
                for (Incoming revision : fresh) {
                    parent = OptionalLong.of(insert(stores, imported, pageId, parent, revision));
                }
                stores.pages().setLatest(pageId, parent.getAsLong(), now);
                if (keptRevision.isEmpty()) {
                    // The page shows the newest imported text, and links, categories and search follow it.
                    Prepared newest = prepared.orElseThrow().forText(PageText.normalize(fresh.getLast().markdown()));
                    stores.writeConnections(pageId, newest.connections(), false);
                    // Parsed while the batch before was written, it saw the templates committed before that.
                    derivedIn.put(pageId, chunk.newest().isPresent() ? batch - 1 : batch);
                }
                stores.pages().recordChange(pageId);
                // Queued as a save queues it, so the pages using it catch up even if this run never completes.
                stores.templates().queueChange(chunk.title().namespace().key(), chunk.title().name(), now.toEpochMilli());
                addedToCurrent += fresh.size();
                writtenIn.put(chunk.title(), batch);
                page = stores.pages().findById(pageId);
            }
            if (chunk.last() && addedToCurrent > 0) {
                finish(stores, page.orElseThrow(), now);
            }
            Outcome outcome = fresh.isEmpty() ? Outcome.UNCHANGED : keptRevision.isPresent() ? Outcome.CONFLICT
                    : existing.isEmpty() ? Outcome.CREATED : Outcome.ADDED;
            return new Written(chunk.title(), outcome, fresh.size(), skipped);
        }

        /**
         * Ends the run: pages whose links were derived before a template they use was written
         * (earlier in the dump, in the same batch, or by an earlier import) get their links and
         * categories from it now, as a template saved here would give them; in batches, parsed
         * on all cores outside the transactions.
         */
        public void complete() {
            Set<Long> stale = new LinkedHashSet<>();
            database.read(handle -> {
                TemplateStore templates = handle.attach(TemplateStore.class);
                writtenIn.forEach((title, written) -> {
                    for (long user : templates.userIds(title.namespace().key(), title.name())) {
                        Integer derived = derivedIn.get(user);
                        if (derived == null || derived <= written) {
                            stale.add(user);
                        }
                    }
                });
                return stale;
            });
            List<Long> ids = new ArrayList<>(stale);
            for (int from = 0; from < ids.size(); from += COMPLETE_BATCH) {
                refresh(ids.subList(from, Math.min(ids.size(), from + COMPLETE_BATCH)));
            }
            // Every page using a title written here is now up to date: the queued changes need not be worked off again.
            List<Title> written = new ArrayList<>(writtenIn.keySet());
            for (int from = 0; from < written.size(); from += COMPLETE_BATCH) {
                List<Title> some = written.subList(from, Math.min(written.size(), from + COMPLETE_BATCH));
                database.update(handle -> {
                    TemplateStore templates = handle.attach(TemplateStore.class);
                    some.forEach(title -> templates.forget(title.namespace().key(), title.name()));
                });
            }
            writtenIn.clear();
            derivedIn.clear();
            pages.pagesChanged();
        }

        private void refresh(List<Long> pageIds) {
            record Latest(long pageId, long revisionId, String text) {
            }
            List<Latest> latest = database.read(handle -> {
                PageStore store = handle.attach(PageStore.class);
                RevisionStore revisions = handle.attach(RevisionStore.class);
                return pageIds.stream().map(store::findById).flatMap(Optional::stream)
                        .map(page -> new Latest(page.id(), page.latestRevisionId(), revisions.content(page.latestRevisionId()))).toList();
            });
            List<Optional<PageConnections>> parsed = latest.parallelStream().map(page -> {
                try {
                    return Optional.of(renderer.connections(page.text()));
                } catch (TooComplexException e) {
                    return Optional.<PageConnections>empty();
                }
            }).toList();
            database.update(handle -> {
                Stores stores = Stores.of(handle);
                for (int i = 0; i < latest.size(); i++) {
                    Latest page = latest.get(i);
                    boolean unchanged = stores.pages().findById(page.pageId()).map(p -> p.latestRevisionId() == page.revisionId())
                            .orElse(false);
                    if (parsed.get(i).isPresent() && unchanged) {
                        stores.writeConnections(page.pageId(), parsed.get(i).get(), false);
                        stores.pages().recordChange(page.pageId());
                    }
                }
            });
        }

        /** A new page of the import: was it edited here since it was last imported? */
        private void begin(Title title, Optional<Page> existing, Stores stores, ImportedRevisionStore imported) {
            current = title;
            addedToCurrent = 0;
            keptRevision = OptionalLong.empty();
            deleted = existing.map(Page::deleted).orElse(false);
            if (existing.isEmpty() || deleted) {
                return;
            }
            Page page = existing.get();
            if (imported.isImported(page.latestRevisionId())) {
                return;
            }
            Revision latest = stores.revisions().find(page.latestRevisionId()).orElseThrow();
            boolean sameAsImported = imported.lastImportedSha1(page.id()).map(latest.sha1()::equals).orElse(false);
            if (!sameAsImported && imported.editedHere(page.id())) {
                keptRevision = OptionalLong.of(latest.id());
            }
        }

        private long insert(Stores stores, ImportedRevisionStore imported, long pageId, OptionalLong parent, Incoming revision) {
            String text = PageText.normalize(revision.markdown());
            long id = stores.revisions().insert(pageId, parent.isPresent() ? parent.getAsLong() : null, revision.author().id(),
                    revision.author().credentials(), revision.timestamp(), PageService.truncate(PageText.summary(revision.summary())),
                    revision.minor(), PageText.utf8Length(text), PageText.sha1(text), text);
            imported.insert(id, sourceId, revision.sourceRevisionId(), revision.sourcePageId(), revision.sourceSha1(),
                    revision.converterVersion(), revision.wikitext());
            return id;
        }

        /**
         * The page's one entry in recent changes: the import itself, or the restoring of what was
         * edited here. Its text is one the page had, so the links and categories stored are already its own.
         */
        private void finish(Stores stores, Page page, Instant now) {
            String count = addedToCurrent == 1 ? "1 revision" : addedToCurrent + " revisions";
            long shownId = keptRevision.orElse(page.latestRevisionId());
            Revision shown = stores.revisions().find(shownId).orElseThrow();
            String summary = keptRevision.isPresent()
                    ? "Imported " + count + " from " + sourceName + " into the history; kept the text edited here (see the import report)"
                    : "Imported " + count + " from " + sourceName;
            User by = importer.user();
            long id = stores.revisions().insert(page.id(), page.latestRevisionId(), by.id(), by.credentials(), now,
                    PageService.truncate(summary), false, shown.size(), shown.sha1(), stores.revisions().content(shownId));
            stores.pages().setLatest(page.id(), id, now);
            stores.pages().recordChange(page.id());
            addedToCurrent = 0;
        }
    }
}
