/**
 * Moving a MediaWiki wiki in: an import run reads a dump ({@code org.clinwiki.wikitext} reads
 * and converts), writes every page's history with its authors ({@code page}, {@code user}),
 * uploads the files ({@code file}), and keeps a report of what could not be carried over as
 * it was; a reconversion redoes the Markdown of imported revisions from their kept wikitext.
 */
package org.clinwiki.mediawiki;
