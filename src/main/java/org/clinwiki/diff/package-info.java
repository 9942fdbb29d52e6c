/**
 * Pure text comparison: line diffs with word-level changes for display, and three-way merge
 * for concurrent edits. Knows nothing of pages, storage or HTTP.
 */
package org.clinwiki.diff;
