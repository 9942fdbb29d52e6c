/**
 * Full-text search: a Lucene index derived from the pages (one document per page, fed in order
 * from the page change log), clinical abbreviations expanded at query time, snippets,
 * did-you-mean and title autocomplete. The database stays the source of truth: the index can
 * always be thrown away and rebuilt.
 */
package org.clinwiki.search;
