package org.clinwiki.search;

import java.time.Clock;
import java.util.Optional;
import org.clinwiki.db.Database;

/**
 * The administrators' own synonyms, kept in the database so that every node indexes and searches
 * with one vocabulary. The list changes when a node starts with a {@code synonyms.txt} in its data
 * directory; the other nodes take it up when they next start (the index rebuilds then).
 */
public final class SharedVocabulary {

    private final Database database;
    private final Clock clock;

    public SharedVocabulary(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The stored list, if one was ever stored. */
    Optional<String> text() {
        return database.read(VocabularyStore.class, store -> store.text(VocabularyStore.LOCAL));
    }

    /** Stores {@code text} as the list, unless it is that already (a node restarting changes nothing). */
    void store(String text) {
        if (text().filter(text::equals).isPresent()) {
            return;
        }
        database.writeAside(tx -> {
            tx.attach(VocabularyStore.class).store(VocabularyStore.LOCAL, text, clock.millis());
            return null;
        });
    }
}
