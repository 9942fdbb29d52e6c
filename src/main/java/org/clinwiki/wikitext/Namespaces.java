package org.clinwiki.wikitext;

import java.util.Optional;
import org.clinwiki.title.Namespace;

/**
 * The source wiki's namespace prefixes, read into Clinwiki's: by MediaWiki's number, so
 * {@code Bild:} or {@code Image:} becomes {@code File:} and a project named "Clinfowiki" becomes
 * {@code Project:}. Namespaces Clinwiki lacks keep their prefix as part of the title.
 */
final class Namespaces {

    static final int MEDIA = -2;
    static final int SPECIAL = -1;
    static final int MAIN = 0;
    static final int FILE = 6;
    static final int TEMPLATE = 10;
    static final int CATEGORY = 14;

    /**
     * A title as written, read.
     *
     * @param number  the namespace's number, {@link #MAIN} when there is no known prefix
     * @param known   whether Clinwiki has the namespace (every number but the source's extra ones)
     * @param written the prefix as written, empty for the main namespace
     * @param name    the title without its prefix, spaces for underscores
     */
    record Parsed(int number, boolean known, String written, String name) {

        /** The title with Clinwiki's prefix; an unknown namespace keeps the prefix it had. */
        String canonical() {
            String prefix = known ? prefixOf(number) : written;
            return prefix.isEmpty() ? name : prefix + ":" + name;
        }

        /** The title as the source wrote it, spaces for underscores. */
        String asWritten() {
            return written.isEmpty() ? name : written + ":" + name;
        }

        boolean renamed() {
            return !canonical().equals(asWritten());
        }
    }

    private final SourceSite site;

    Namespaces(SourceSite site) {
        this.site = site;
    }

    Parsed parse(String title) {
        String text = spaces(title);
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon).strip();
            Optional<Integer> number = site.namespace(prefix);
            if (number.isPresent()) {
                int n = number.get();
                String name = text.substring(colon + 1).strip();
                return new Parsed(n, n == MEDIA || n == SPECIAL || prefixOf(n) != null, prefix, name);
            }
        }
        return new Parsed(MAIN, true, "", text);
    }

    /** Whether Clinwiki has a namespace with this number. */
    static boolean clinwikiHas(int number) {
        return prefixOf(number) != null;
    }

    /** Clinwiki's prefix for a MediaWiki namespace number, or null if it has no such namespace. */
    static String prefixOf(int number) {
        switch (number) {
            case MEDIA:
                return "Media";
            case SPECIAL:
                return "Special";
            case 4:
                return "Project";
            case 5:
                return "Project talk";
            default:
                for (Namespace namespace : Namespace.values()) {
                    if (namespace.number() == number) {
                        return namespace.prefix();
                    }
                }
                return null;
        }
    }

    /** Whether a title is already as {@link #spaces} makes it: the usual case, checked without copying. */
    private static boolean isSpaced(String title) {
        int length = title.length();
        if (length == 0) {
            return true;
        }
        if (title.charAt(0) == ' ' || title.charAt(length - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = title.charAt(i);
            if (c == '_' || c == '\t' || c == '\u00A0' || c == ' ' && title.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Underscores and runs of spaces as single spaces, trimmed: how MediaWiki reads a title. */
    static String spaces(String title) {
        if (isSpaced(title)) {
            return title;
        }
        return PlainText.collapsed(title, c -> c == '_' || c == ' ' || c == '\t' || c == '\u00A0');
    }
}
