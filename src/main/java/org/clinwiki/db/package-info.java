/**
 * Storage infrastructure: the SQLite connections, pragmas and Flyway migrations, and the
 * {@link org.clinwiki.db.Transaction} that stores attach to; and {@link org.clinwiki.db.DatabaseCopy},
 * which moves a wiki's tables from SQLite into PostgreSQL. Nothing domain-specific beyond the
 * table names that copy checks; the only package besides the stores that knows Jdbi.
 */
package org.clinwiki.db;
