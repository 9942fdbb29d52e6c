package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The import report: totals by construct (most reported first) and the entries, newest first,
 * filtered by page or construct.
 */
public record ImportReportView(List<Total> totals, List<Row> rows, String filter, long count, Optional<String> older) {

    /** A construct, how often it was reported and on how many pages; {@code href} filters the entries to it. */
    public record Total(String construct, long entries, long pages, String href) {
    }

    /** One entry: which wiki, when, the page (and a link to it), the source's revision, the construct, what was done. */
    public record Row(String source, String time, String iso, Link page, String revision, String construct, String action) {
    }
}
