package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;
import org.clinwiki.diff.DiffHunk;

/** Two revisions side by side, with links to step to the previous and next change. */
public record DiffView(String title, String path, Optional<Side> from, Side to, List<DiffHunk> hunks,
                       int linesAdded, int linesRemoved, Optional<String> previousUrl, Optional<String> nextUrl) {

    /** A revision as the diff header shows it. */
    public record Side(long id, Byline byline, String summary, boolean minor) {
    }
}
