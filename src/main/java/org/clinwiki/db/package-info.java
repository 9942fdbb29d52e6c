/** Storage infrastructure: the SQLite connections, pragmas and Flyway migrations. Nothing domain-specific. */
package org.clinwiki.db;
