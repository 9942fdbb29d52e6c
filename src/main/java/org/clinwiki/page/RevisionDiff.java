package org.clinwiki.page;

import java.util.Optional;
import org.clinwiki.diff.TextDiff;

/**
 * The difference between two revisions of one page. {@code from} is empty when {@code to}
 * created the page (everything in it is new). {@code previous} is the revision before
 * {@code from} and {@code next} the one after {@code to}, for stepping through history.
 */
public record RevisionDiff(Page page, Optional<Revision> from, Revision to, TextDiff diff,
                           Optional<Revision> previous, Optional<Revision> next) {
}
