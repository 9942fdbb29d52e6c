package org.clinwiki.wikitext;

import java.util.List;

/**
 * The Markdown a revision's wikitext became, and what did not carry over exactly.
 *
 * @param markdown the page text in Clinwiki's format
 * @param issues   one entry per distinct construct that was changed, dropped or kept as code
 */
public record Conversion(String markdown, List<ConversionIssue> issues) {

    public Conversion {
        issues = List.copyOf(issues);
    }
}
