package org.clinwiki.search;

import java.io.Closeable;
import java.nio.file.Path;

/** The search index of a data directory, held idle: for work that needs its server stopped, and kept stopped. */
public final class IndexHold {

    private IndexHold() {
    }

    /**
     * Holds the index in {@code dataDir/index} until closed, as a server does while it runs.
     *
     * @throws SearchIndexLockedException if a server (or another command) holds it now
     */
    public static Closeable of(Path dataDir) {
        return IndexFiles.hold(dataDir);
    }
}
