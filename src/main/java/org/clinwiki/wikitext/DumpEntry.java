package org.clinwiki.wikitext;

/**
 * What {@link DumpReader#next()} returns, in document order: a page's start ({@link DumpPage}),
 * its revisions and uploads, then its {@link PageEnd}.
 */
public sealed interface DumpEntry permits DumpPage, DumpRevision, DumpUpload, DumpEntry.PageEnd {

    /** The end of a page: every revision and upload of {@code page} has been returned. */
    record PageEnd(DumpPage page) implements DumpEntry {
    }
}
