/**
 * Category membership and browsing. Membership rows are written by the page save, inside its
 * transaction, through {@link org.clinwiki.category.CategoryAssignments}; this package only
 * reads them otherwise. Depends on {@code title} and {@code db}, never on {@code page}.
 */
package org.clinwiki.category;
