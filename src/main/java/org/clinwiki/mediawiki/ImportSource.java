package org.clinwiki.mediawiki;

/**
 * A wiki imported from, known by {@code name} (the dump's database name, else its address), so a
 * newer dump of the same wiki adds only what is new. {@code namespaces} are its namespace names
 * as "number TAB name" lines, kept so a reconversion reads links as the first conversion did.
 */
public record ImportSource(long id, String name, String siteName, String namespaces) {
}
