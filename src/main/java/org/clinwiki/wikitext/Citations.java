package org.clinwiki.wikitext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Citation templates as Clinwiki's three kinds, {@code {{cite journal}}}, {@code {{cite book}}}
 * and {@code {{cite web}}}: other kinds map to the nearest with their parameters renamed where
 * Clinwiki knows another name. Clinwiki shows every value as typed, so values become plain
 * text: links as their labels, emphasis and tags left out.
 */
final class Citations {

    private static final Set<String> WEB_LIKE = Set.of("news", "press release", "av media", "av-media", "episode", "interview",
            "mailing list", "newsgroup", "podcast", "serial", "sign", "speech", "tweet", "video", "website", "map");
    private static final Set<String> BOOK_LIKE = Set.of("thesis", "report", "techreport", "encyclopedia", "dictionary");

    private Citations() {
    }

    /** Whether a template, its name normalised by {@link SourceSite#key}, is a citation. */
    static boolean isCitation(String name) {
        return name.startsWith("cite ") || name.startsWith("vcite ") || name.equals("citation") || name.equals("vcite")
                || name.startsWith("vcite2 ");
    }

    static String convert(String name, List<String> arguments, String source, Session session) {
        Map<String, String> params = new LinkedHashMap<>();
        int positional = 0;
        for (String argument : arguments) {
            int equals = TemplateCalls.topLevelEquals(argument);
            if (equals < 0) {
                positional += argument.isBlank() ? 0 : 1;
                continue;
            }
            String key = argument.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = PlainText.of(argument.substring(equals + 1), session);
            if (!key.isEmpty() && !value.isEmpty()) {
                params.putIfAbsent(key, value);
            }
        }
        if (positional > 0) {
            session.issues().add("citation {{" + name + "}} with unnamed values", "the unnamed values dropped");
        }
        String given = name.replaceFirst("^vcite2? ", "cite ").replaceFirst("^vcite$", "citation");
        String kind = kind(given, params);
        if (!given.equals("cite " + kind)) {
            session.issues().add("citation {{" + name + "}}", "shown as {{cite " + kind + "}}");
        }
        StringBuilder out = new StringBuilder("{{cite ").append(kind);
        params.forEach((key, value) -> out.append('|').append(key).append('=').append(value));
        return out.append("}}").toString();
    }

    /** The nearest of Clinwiki's kinds, renaming parameters it knows under another name. */
    private static String kind(String given, Map<String, String> params) {
        String kind = given.startsWith("cite ") ? given.substring(5).strip() : given;
        switch (kind) {
            case "journal", "book", "web" -> {
                return kind;
            }
            case "magazine", "periodical" -> {
                rename(params, "magazine", "journal");
                rename(params, "periodical", "journal");
                return "journal";
            }
            case "conference" -> {
                rename(params, "book-title", "journal");
                rename(params, "booktitle", "journal");
                rename(params, "conference", "journal");
                return "journal";
            }
            case "citation" -> {
                rename(params, "periodical", "journal");
                rename(params, "magazine", "journal");
                rename(params, "newspaper", "work");
                return params.containsKey("journal") ? "journal"
                        : params.containsKey("isbn") || params.containsKey("publisher") && !params.containsKey("url") ? "book" : "web";
            }
            default -> {
                rename(params, "newspaper", "work");
                rename(params, "agency", "publisher");
                if (kind.equals("encyclopedia") || kind.equals("dictionary")) {
                    rename(params, "title", "chapter");
                    rename(params, "encyclopedia", "title");
                    rename(params, "dictionary", "title");
                }
                return BOOK_LIKE.contains(kind) ? "book" : WEB_LIKE.contains(kind) ? "web" : "web";
            }
        }
    }

    private static void rename(Map<String, String> params, String from, String to) {
        String value = params.remove(from);
        if (value != null) {
            params.putIfAbsent(to, value);
        }
    }
}
