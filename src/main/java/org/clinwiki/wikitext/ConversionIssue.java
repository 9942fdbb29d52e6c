package org.clinwiki.wikitext;

/**
 * A construct of the wikitext that Clinwiki cannot show as MediaWiki did, and what was done with
 * it, e.g. ("template {{Infobox drug}}", "kept as a transclusion of Template:Infobox drug").
 *
 * @param construct what the wikitext had
 * @param action    what the Markdown has instead
 * @param count     how often it occurred in the revision
 */
public record ConversionIssue(String construct, String action, int count) {

    public ConversionIssue(String construct, String action) {
        this(construct, action, 1);
    }
}
