/**
 * Pure text comparison: line diffs with word-level changes for display, and three-way merge
 * for concurrent edits. Knows nothing of pages, storage or HTTP.
 *
 * <p>Both are bounded for any input, however large or contrived: the work of one comparison is
 * linear in the size of the texts (what it can't afford is compared more coarsely, and says so),
 * and a diff shows a bounded number of rows.
 */
package org.clinwiki.diff;
