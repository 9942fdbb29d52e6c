package org.clinwiki.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.clinwiki.mediawiki.ImportReport;
import org.clinwiki.mediawiki.ReportEntry;
import org.clinwiki.title.Title;
import org.clinwiki.web.view.Dates;
import org.clinwiki.web.view.ImportReportView;
import org.clinwiki.web.view.Link;

/**
 * {@code /special/import-report}: what MediaWiki imports could not carry over as it was. For
 * signed-in users: it names pages, deleted ones too.
 */
final class ImportReportViews {

    private static final int PAGE = 200;
    private static final int TOTALS = 50;

    private final ImportReport report;
    private final Layout layout;
    private final Auth auth;

    ImportReportViews(ImportReport report, Layout layout, Auth auth) {
        this.report = report;
        this.layout = layout;
        this.auth = auth;
    }

    void report(Context ctx) {
        if (auth.viewer(ctx).isEmpty()) {
            SessionViews.sendToLogin(ctx);
            return;
        }
        String filter = Requests.query(ctx, "filter").strip();
        List<ReportEntry> entries = report.entries(Requests.before(ctx), filter, PAGE + 1);
        List<ImportReportView.Row> rows = entries.subList(0, Math.min(PAGE, entries.size())).stream()
                .map(entry -> new ImportReportView.Row(entry.source(), Dates.shown(entry.at()), Dates.iso(entry.at()),
                        pageLink(entry.page()), entry.sourceRevisionId().isPresent() ? Long.toString(entry.sourceRevisionId().getAsLong()) : "",
                        entry.construct(), entry.action()))
                .toList();
        List<ImportReportView.Total> totals = report.totals(TOTALS).stream()
                .map(total -> new ImportReportView.Total(total.construct(), total.entries(), total.pages(),
                        "/special/import-report?filter=" + encode(total.construct())))
                .toList();
        Optional<String> older = entries.size() > PAGE
                ? Optional.of("/special/import-report?filter=" + encode(filter) + "&before=" + entries.get(PAGE - 1).id())
                : Optional.empty();
        layout.render(ctx, "special/import-report.jte", new ImportReportView(totals, rows, filter, report.count(), older));
    }

    private static Link pageLink(String page) {
        return Title.tryParse(page).map(title -> new Link(title.wikiPath(), title.text())).orElse(new Link("", page));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
