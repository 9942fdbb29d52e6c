package org.clinwiki.page;

import java.time.Instant;
import org.clinwiki.title.Title;

/**
 * A page as it stands after its latest change, for those following changes in order of
 * {@code seq}: its latest text and who wrote it, or that it is deleted.
 */
public record PageSnapshot(long seq, long pageId, Title title, boolean deleted, long revisionId, Instant updated,
                         String author, String markdown) {
}
