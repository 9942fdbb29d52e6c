package org.clinwiki.wikitext;

import java.util.Set;

/**
 * Behaviour switches, {@code __TOC__} and the like. Clinwiki knows {@code __TOC__} and
 * {@code __NOTOC__}; {@code __FORCETOC__} means the same as {@code __TOC__} there. The rest
 * change nothing a reader of Clinwiki would see, and are dropped.
 */
final class PageSwitches {

    private static final Set<String> DROPPED = Set.of("NOEDITSECTION", "NEWSECTIONLINK", "NONEWSECTIONLINK", "NOGALLERY",
            "HIDDENCAT", "NOINDEX", "INDEX", "STATICREDIRECT", "NOTITLECONVERT", "NOTC", "NOCONTENTCONVERT", "NOCC",
            "DISAMBIG", "EXPECTUNUSEDCATEGORY", "EXPECTUNUSEDTEMPLATE", "NOGLOBAL", "ARCHIVEDTALK", "NOTALK");

    private PageSwitches() {
    }

    /** The switch at {@code i}, or null if the underscores start none. */
    static Found at(String line, int i, Session session) {
        int end = i + 2;
        while (end < line.length() && end - i < 30 && (Character.isUpperCase(line.charAt(end)) || line.charAt(end) == '_'
                && !line.startsWith("__", end))) {
            end++;
        }
        if (!line.startsWith("__", end)) {
            return null;
        }
        String word = line.substring(i + 2, end);
        int after = end + 2;
        return switch (word) {
            case "TOC", "FORCETOC" -> Found.markdown("__TOC__", after);
            case "NOTOC" -> Found.markdown("__NOTOC__", after);
            default -> {
                if (!DROPPED.contains(word)) {
                    yield null;
                }
                session.issues().add("__" + word + "__", "dropped");
                yield Found.markdown("", after);
            }
        };
    }
}
