package org.clinwiki.web.view;

import java.util.Optional;

/** One change in a list of changes (recent changes, contributions). */
public record ChangeRow(Link page, String time, String isoTime, Byline byline, String summary, boolean minor,
                        boolean created, String sizeChange, int change, Optional<String> diffUrl, String historyUrl) {
}
