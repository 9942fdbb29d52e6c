package org.clinwiki.mediawiki;

/** How often a construct was reported, and on how many pages. */
public record ReportTotal(String construct, long entries, long pages) {
}
