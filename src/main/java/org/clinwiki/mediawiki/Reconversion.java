package org.clinwiki.mediawiki;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinwiki.db.Database;
import org.clinwiki.page.ImportedRevisions;
import org.clinwiki.wikitext.SourceSite;
import org.clinwiki.wikitext.WikitextConverter;

/**
 * Converts imported revisions again from their kept wikitext, after the converter improved:
 * those an older converter made, or every one from a revision on. History, authors and times
 * stay; saves made here are never touched.
 */
public final class Reconversion {

    private static final int PAGE = 500;

    private final Database database;
    private final ImportedRevisions revisions;

    public Reconversion(Database database, ImportedRevisions revisions) {
        this.database = database;
        this.revisions = revisions;
    }

    /** What a reconversion did: revisions converted again, and how many of them now read differently. */
    public record Result(long converted, long changed) {
    }

    /** Hears of progress: revisions converted so far. */
    public interface Listener {
        void progress(long converted);
    }

    /**
     * Converts again the imported revisions with ids from {@code since} on (all of them), or,
     * without it, those converted by an older converter than this one.
     */
    public Result run(Optional<Long> since, Listener listener) {
        Map<Long, WikitextConverter> converters = new HashMap<>();
        long after = since.map(id -> id - 1).orElse(0L);
        long converted = 0;
        long changed = 0;
        while (true) {
            List<Long> ids = revisions.after(after, WikitextConverter.VERSION, since.isPresent(), PAGE);
            if (ids.isEmpty()) {
                break;
            }
            for (long id : ids) {
                Optional<ImportedRevisions.Original> original = revisions.original(id);
                if (original.isEmpty()) {
                    continue;
                }
                WikitextConverter converter = converters.computeIfAbsent(original.get().sourceId(), this::converter);
                String title = revisions.titleOf(original.get()).text();
                String markdown = original.get().wikitext().isEmpty() ? null : converter.convert(original.get().wikitext(), title).markdown();
                if (markdown != null && revisions.rewrite(original.get(), markdown, WikitextConverter.VERSION)) {
                    changed++;
                }
                converted++;
            }
            after = ids.getLast();
            listener.progress(converted);
        }
        return new Result(converted, changed);
    }

    /** A converter reading links as the source's namespace names say, as the import did. */
    private WikitextConverter converter(long sourceId) {
        ImportSource source = database.read(ImportSourceStore.class, sources -> sources.findById(sourceId)).orElseThrow();
        Map<String, Integer> names = new HashMap<>();
        Arrays.stream(source.namespaces().split("\n")).filter(line -> line.indexOf('\t') > 0).forEach(line -> {
            int tab = line.indexOf('\t');
            try {
                names.put(line.substring(tab + 1), Integer.parseInt(line.substring(0, tab)));
            } catch (NumberFormatException e) {
                // A line this version did not write: skipped.
            }
        });
        return new WikitextConverter(new SourceSite(source.siteName(), names));
    }
}
