/**
 * Pages and their revisions: saving with three-way merge, importing and reverting
 * ({@link org.clinwiki.page.PageService}); protecting, deleting and restoring
 * ({@link org.clinwiki.page.PageModeration}); reading pages, revisions, diffs and
 * history ({@link org.clinwiki.page.PageReader}, {@link org.clinwiki.page.RecentChanges}).
 * Owns the pages, revisions, links and redirects tables. Knows nothing of search or HTTP;
 * others learn of saves through a {@link org.clinwiki.page.PageListener}.
 */
package org.clinwiki.page;
