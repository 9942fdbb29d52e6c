package org.clinwiki.page;

/**
 * A page as protecting, deleting or restoring it left it, and the page-change number that change
 * took: a client that reads or searches through another node next can ask for at least that.
 */
public record ModeratedPage(Page page, long changeSequence) {
}
