package org.clinwiki.search;

import java.nio.file.Path;

/** Another process (usually a running server) holds the search index. */
public final class SearchIndexLockedException extends RuntimeException {

    public SearchIndexLockedException(Path path) {
        super("The search index in " + path + " is in use by another Clinwiki process; stop the server first.");
    }
}
