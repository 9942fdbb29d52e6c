package org.clinwiki.db;

/**
 * A prefix match as a range, {@code from <= x < until}, which uses an index and means the same
 * on every database (unlike {@code LIKE}, whose case rules differ between SQLite and PostgreSQL).
 */
public record Prefix(String from, String until) {

    // U+10FFFF sorts after every other character, in UTF-8 byte order as in UTF-16.
    private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    public static Prefix of(String prefix) {
        String from = prefix == null ? "" : prefix;
        return new Prefix(from, from + LAST_CHARACTER);
    }
}
