package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wiki a dump comes from, as its {@code <siteinfo>} says. What it leaves out is {@code ""},
 * and the title case {@code first-letter}; without {@code <namespaces>}, MediaWiki's standard
 * English ones.
 *
 * @param base the URL of the main page, which tells where the wiki lived
 * @param titleCase {@code first-letter} (the usual) or {@code case-sensitive}
 * @param namespaces in the order the dump lists them
 * @param aliases other names of namespaces ({@code <namespacealiases>}, e.g. {@code Image}), name to number
 */
public record SiteInfo(String siteName, String dbName, String base, String generator, String titleCase,
        List<DumpNamespace> namespaces, Map<String, Integer> aliases) {

    private static final String FIRST_LETTER = "first-letter";

    // Names MediaWiki understands on every wiki whatever its language, beside the local ones.
    private static final Map<String, Integer> CANONICAL = canonical();

    public SiteInfo {
        namespaces = List.copyOf(namespaces);
        aliases = Map.copyOf(aliases);
    }

    private static Map<String, Integer> canonical() {
        Map<String, Integer> names = new LinkedHashMap<>();
        names.put("Media", -2);
        names.put("Special", -1);
        names.put("", 0);
        String[] subjects = {"", "User", "Project", "File", "MediaWiki", "Template", "Help", "Category"};
        for (int i = 0; i < subjects.length; i++) {
            if (i > 0) {
                names.put(subjects[i], 2 * i);
            }
            names.put(i == 0 ? "Talk" : subjects[i] + " talk", 2 * i + 1);
        }
        return names;
    }

    /** What a dump without {@code <siteinfo>} is taken to come from: a default English MediaWiki. */
    static SiteInfo defaults() {
        return new SiteInfo("", "", "", "", FIRST_LETTER, standardNamespaces(FIRST_LETTER),
                Map.of("Image", 6, "Image talk", 7));
    }

    private static List<DumpNamespace> standardNamespaces(String caseRule) {
        return CANONICAL.entrySet().stream().map(e -> new DumpNamespace(e.getValue(), e.getKey(), caseRule)).toList();
    }

    /**
     * Every name a title may start with to be in a namespace, to its number: the canonical English
     * names ({@code Project}, {@code Image}), then the wiki's own and its aliases, which win where
     * they differ. Keys are lower-cased with underscores as spaces ({@link #key}), because
     * MediaWiki reads {@code user_talk:} and {@code User talk:} alike. The main namespace has no name.
     */
    public Map<String, Integer> namespaceNames() {
        Map<String, Integer> names = new HashMap<>();
        CANONICAL.forEach((name, number) -> names.put(key(name), number));
        names.put("image", 6);
        names.put("image talk", 7);
        namespaces.forEach(namespace -> names.put(key(namespace.name()), namespace.number()));
        aliases.forEach((name, number) -> names.put(key(name), number));
        names.remove("");
        return Map.copyOf(names);
    }

    /** A namespace name as {@link #namespaceNames()} keys it. */
    public static String key(String name) {
        return name.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The namespace of a full title from its prefix, as MediaWiki did before dumps had
     * {@code <ns>} (schema 0.6): {@code Talk:Foo} is in 1, {@code Foo: Bar} in 0 unless
     * {@code Foo} names a namespace.
     */
    public int namespaceOf(String title) {
        return prefixes().of(title);
    }

    Prefixes prefixes() {
        return new Prefixes(namespaceNames());
    }

    /** {@link #namespaceNames()} computed once, for a reader's every page. */
    record Prefixes(Map<String, Integer> names) {

        int of(String title) {
            int colon = title.indexOf(':');
            return colon < 0 ? 0 : names.getOrDefault(key(title.substring(0, colon)), 0);
        }
    }

    static SiteInfo read(DumpFormat.Cursor cursor) {
        Map<String, String> fields = new HashMap<>();
        List<DumpNamespace> namespaces = null;
        Map<String, Integer> aliases = new LinkedHashMap<>();
        while (cursor.toChild()) {
            switch (cursor.name()) {
                case "sitename", "dbname", "base", "generator", "case" -> fields.put(cursor.name(), cursor.text());
                case "namespaces" -> namespaces = readNamespaces(cursor, fields.getOrDefault("case", FIRST_LETTER));
                case "namespacealiases" -> readAliases(cursor, aliases);
                default -> cursor.skip();
            }
        }
        String titleCase = fields.getOrDefault("case", FIRST_LETTER);
        return new SiteInfo(fields.getOrDefault("sitename", ""), fields.getOrDefault("dbname", ""),
                fields.getOrDefault("base", ""), fields.getOrDefault("generator", ""), titleCase,
                namespaces != null ? namespaces : standardNamespaces(titleCase), aliases);
    }

    private static List<DumpNamespace> readNamespaces(DumpFormat.Cursor cursor, String siteCase) {
        List<DumpNamespace> namespaces = new ArrayList<>();
        while (cursor.toChild()) {
            if (!cursor.name().equals("namespace")) {
                cursor.skip();
                continue;
            }
            int number = keyOf(cursor);
            // Schema 0.3 has no case per namespace: the site's applies.
            String caseRule = cursor.attribute("case");
            namespaces.add(new DumpNamespace(number, cursor.text(), caseRule.isEmpty() ? siteCase : caseRule));
        }
        return namespaces;
    }

    private static void readAliases(DumpFormat.Cursor cursor, Map<String, Integer> aliases) {
        while (cursor.toChild()) {
            if (cursor.attribute("key").isEmpty()) {
                cursor.skip();
                continue;
            }
            int number = keyOf(cursor);
            aliases.put(cursor.text(), number);
        }
    }

    private static int keyOf(DumpFormat.Cursor cursor) {
        String key = cursor.attribute("key");
        try {
            return Integer.parseInt(key.strip());
        } catch (NumberFormatException e) {
            throw cursor.malformed("a namespace's key should be a number, not \"" + key + "\"");
        }
    }
}
