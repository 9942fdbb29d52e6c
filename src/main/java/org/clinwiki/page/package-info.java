/**
 * Pages and their revisions: saving with three-way merge and reverting
 * ({@link org.clinwiki.page.PageService}); bulk imports ({@link org.clinwiki.page.PageImport});
 * protecting, deleting and restoring ({@link org.clinwiki.page.PageModeration}); reading pages,
 * revisions, diffs and history ({@link org.clinwiki.page.PageReader},
 * {@link org.clinwiki.page.RecentChanges}); the feed of changes that derived stores follow
 * ({@link org.clinwiki.page.PageFeed}). Owns the pages, revisions, links and redirects tables.
 * Knows nothing of search or HTTP; others learn of saves through a
 * {@link org.clinwiki.page.PageListener}. Knows of accounts only who acts and what they may do.
 */
package org.clinwiki.page;
