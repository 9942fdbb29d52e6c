/**
 * MediaWiki wikitext to Clinwiki's Markdown, for importing another wiki's pages and their
 * history ({@link org.clinwiki.wikitext.WikitextConverter}). Pure: text in, Markdown and a report
 * of what could not be carried over exactly ({@link org.clinwiki.wikitext.ConversionIssue}) out.
 * The passes follow MediaWiki's own: extension tags and comments are cut out first
 * ({@link org.clinwiki.wikitext.ExtensionTags}), then template calls
 * ({@link org.clinwiki.wikitext.TemplateCalls}), then lines become blocks
 * ({@link org.clinwiki.wikitext.BlockLevels}, {@link org.clinwiki.wikitext.Tables}) and each
 * line's inline markup Markdown ({@link org.clinwiki.wikitext.Inline}). Depends on titles only.
 */
package org.clinwiki.wikitext;
