package org.clinwiki.wikitext;

/**
 * A namespace as the dump's {@code <siteinfo>} declares it: MediaWiki's number, the wiki's own
 * (possibly translated) name, {@code ""} for the main namespace, and how its titles are cased
 * ({@code first-letter} or {@code case-sensitive}).
 */
public record DumpNamespace(int number, String name, String caseRule) {
}
