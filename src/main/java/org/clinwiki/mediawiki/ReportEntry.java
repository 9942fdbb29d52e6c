package org.clinwiki.mediawiki;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One thing an import could not carry over as it was: on which page, in which of the source's
 * revisions (empty when it concerns the page or the whole run), the construct and what was done.
 */
public record ReportEntry(long id, String source, Instant at, String page, OptionalLong sourceRevisionId, String construct,
                          String action) {
}
