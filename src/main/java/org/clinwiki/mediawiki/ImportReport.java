package org.clinwiki.mediawiki;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.clinwiki.db.Database;
import org.clinwiki.wikitext.ConversionIssue;

/**
 * The import report: every construct an import could not carry over as it was (page, the
 * source's revision, construct, what was done), and totals by construct, so an administrator
 * sees what to check and which templates matter most. Readers of the wiki may see it: it
 * names only pages and constructs. Thread-safe.
 */
public final class ImportReport {

    private final Database database;

    public ImportReport(Database database) {
        this.database = database;
    }

    /** Entries newest first, before entry {@code before}, whose page or construct contains {@code filter}. */
    public List<ReportEntry> entries(long before, String filter, int limit) {
        String wanted = filter == null ? "" : filter.strip();
        String like = "%" + wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return database.read(ImportReportStore.class, report -> report.entries(before, wanted, like, limit));
    }

    /** The most reported constructs first. */
    public List<ReportTotal> totals(int limit) {
        return database.read(ImportReportStore.class, report -> report.totals(limit));
    }

    /** The newest entry's id: entries written later have greater ones. */
    public long lastId() {
        return database.read(ImportReportStore.class, ImportReportStore::lastId);
    }

    /** Entries after {@code after}, oldest first. */
    public List<ReportEntry> after(long after, int limit) {
        return database.read(ImportReportStore.class, report -> report.after(after, limit));
    }

    public long count() {
        return database.read(ImportReportStore.class, ImportReportStore::count);
    }

    /** Collects a run's entries and writes them in batches. Not thread-safe. */
    static final class Writer {
        private static final int BATCH = 2000;

        private final Database database;
        private final long sourceId;
        private final Clock clock;
        private final List<String> pages = new ArrayList<>();
        private final List<Long> revisions = new ArrayList<>();
        private final List<String> constructs = new ArrayList<>();
        private final List<String> actions = new ArrayList<>();
        private long written;

        Writer(Database database, long sourceId, Clock clock) {
            this.database = database;
            this.sourceId = sourceId;
            this.clock = clock;
        }

        void revision(String page, long sourceRevisionId, List<ConversionIssue> issues) {
            for (ConversionIssue issue : issues) {
                add(page, sourceRevisionId, issue.construct(), issue.action());
            }
        }

        void page(String page, String construct, String action) {
            add(page, null, construct, action);
        }

        private void add(String page, Long sourceRevisionId, String construct, String action) {
            pages.add(page);
            revisions.add(sourceRevisionId);
            constructs.add(construct);
            actions.add(action);
            if (pages.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (pages.isEmpty()) {
                return;
            }
            database.update(handle -> handle.attach(ImportReportStore.class)
                    .add(sourceId, clock.instant(), pages, revisions, constructs, actions));
            written += pages.size();
            pages.clear();
            revisions.clear();
            constructs.clear();
            actions.clear();
        }

        long written() {
            return written;
        }
    }
}
