package org.clinwiki.mediawiki;

import java.util.List;
import org.clinwiki.wikitext.ConversionIssue;
import org.clinwiki.wikitext.DumpRevision;

/** A revision of the dump with its text converted, and what the conversion reported. */
record ConvertedRevision(DumpRevision revision, String wikitext, String markdown, List<ConversionIssue> issues) {
}
