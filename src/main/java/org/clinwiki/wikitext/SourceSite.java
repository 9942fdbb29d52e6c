package org.clinwiki.wikitext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The wiki a dump comes from, as its {@code <siteinfo>} describes it: its name and every name
 * and alias of its namespaces with MediaWiki's number for each ({@code "Bild" → 6}). Names are
 * matched in any case, with spaces and underscores alike.
 */
public record SourceSite(String siteName, Map<String, Integer> namespaceNames) {

    public SourceSite {
        Map<String, Integer> normalised = new HashMap<>();
        namespaceNames.forEach((name, number) -> {
            if (name != null && number != null) {
                normalised.put(key(name), number);
            }
        });
        namespaceNames = Map.copyOf(normalised);
        siteName = siteName == null ? "" : siteName.strip();
    }

    /** MediaWiki's English canonical names, with {@code siteName} as the project namespace. */
    public static SourceSite defaults(String siteName) {
        Map<String, Integer> names = new HashMap<>();
        String[][] canonical = {
            {"Media", "-2"}, {"Special", "-1"}, {"Talk", "1"}, {"User", "2"}, {"User talk", "3"}, {"Project", "4"},
            {"Project talk", "5"}, {"File", "6"}, {"Image", "6"}, {"File talk", "7"}, {"Image talk", "7"},
            {"MediaWiki", "8"}, {"MediaWiki talk", "9"}, {"Template", "10"}, {"Template talk", "11"}, {"Help", "12"},
            {"Help talk", "13"}, {"Category", "14"}, {"Category talk", "15"}, {"Module", "828"}, {"Module talk", "829"},
        };
        for (String[] entry : canonical) {
            names.put(entry[0], Integer.valueOf(entry[1]));
        }
        if (siteName != null && !siteName.isBlank()) {
            names.put(siteName, 4);
            names.put(siteName + " talk", 5);
        }
        return new SourceSite(siteName, names);
    }

    /** The number of the namespace with this name or alias, if the wiki has one. */
    public Optional<Integer> namespace(String name) {
        return Optional.ofNullable(namespaceNames.get(key(name)));
    }

    static String key(String name) {
        return PlainText.collapsed(name, c -> c == '_' || Character.isWhitespace(c)).toLowerCase(Locale.ROOT);
    }
}
