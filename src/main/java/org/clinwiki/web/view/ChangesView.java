package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/**
 * A list of changes grouped by day: recent changes, or one user's contributions
 * ({@code user} set). The filters echo the form's current choices.
 */
public record ChangesView(String heading, Optional<Byline> user, List<Day> days, boolean hideMinor, String namespace,
                          List<Option> namespaces, Optional<String> olderUrl) {

    public record Day(String date, List<ChangeRow> changes) {
    }

    /** A choice in the namespace filter. */
    public record Option(String value, String label, boolean selected) {
    }
}
