/**
 * Storage infrastructure: the SQLite connections, pragmas and Flyway migrations, and the
 * {@link org.clinwiki.db.Transaction} that stores attach to. Nothing domain-specific; the only
 * package besides the stores that knows Jdbi.
 */
package org.clinwiki.db;
