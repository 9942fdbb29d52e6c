package org.clinwiki.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of a citation in AMA form ("Hawn C, Smith JA"), from the parameter names editors
 * copy from MediaWiki's citation templates.
 */
final class CitationAuthors {

    // AMA lists up to six names; beyond that, three and "et al".
    private static final int MAX_LISTED = 6;
    private static final int LISTED_BEFORE_ET_AL = 3;

    // last1, first1 ... lastN, firstN, author1 ... authorN; without a number, the first.
    private static final Pattern AUTHOR_KEY = Pattern.compile("(last|surname|first|given|author)(\\d{0,4})");
    // MediaWiki takes both editor1-last and editor-last1.
    private static final Pattern EDITOR_KEY = Pattern.compile("editor(\\d{0,4})(?:-(last|surname|first|given)(\\d{0,4}))?");

    private CitationAuthors() {
    }

    /**
     * The authors as plain names, in order. {@code authors} or {@code vauthors} (MediaWiki's
     * Vancouver list, "Hawn C, Smith J", which is AMA's form too) is one entry used as written.
     */
    static List<String> authors(Map<String, String> params) {
        String written = params.getOrDefault("authors", params.get("vauthors"));
        return written != null ? List.of(written) : names(params, false);
    }

    /** The editors as plain names; {@code editors} is one entry used as written. */
    static List<String> editors(Map<String, String> params) {
        String written = params.get("editors");
        return written != null ? List.of(written) : names(params, true);
    }

    /** Escaped names separated by commas: six at most, else the first three and "et al". Empty for none. */
    static String markdown(List<String> names) {
        List<String> shown = names.size() > MAX_LISTED ? names.subList(0, LISTED_BEFORE_ET_AL) : names;
        List<String> escaped = new ArrayList<>(shown.size() + 1);
        shown.forEach(name -> escaped.add(MarkdownText.escape(name)));
        if (shown.size() < names.size()) {
            escaped.add("et al");
        }
        return String.join(", ", escaped);
    }

    /**
     * AMA's initials: the first letter of each given name, capitals, no periods or spaces
     * ("Carleen M." gives "CM"). A hyphenated name keeps its hyphen ("Mary-Ann" gives "M-A"), as
     * AMA does. A word already in capitals of up to three letters ("JR") is taken as initials.
     */
    static String initials(String given) {
        StringBuilder out = new StringBuilder();
        for (String word : given.split("[\\s.]+")) {
            if (word.length() <= 3 && word.chars().allMatch(Character::isUpperCase)) {
                out.append(word);
                continue;
            }
            String separator = "";
            for (String part : word.split("-")) {
                int letter = part.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
                if (letter >= 0) {
                    out.append(separator).appendCodePoint(Character.toUpperCase(letter));
                    separator = "-";
                }
            }
        }
        return out.toString();
    }

    private static List<String> names(Map<String, String> params, boolean editors) {
        Map<Integer, Name> byIndex = new TreeMap<>();
        params.forEach((key, value) -> {
            Matcher m = (editors ? EDITOR_KEY : AUTHOR_KEY).matcher(key);
            if (!m.matches()) {
                return;
            }
            String part = editors ? (m.group(2) == null ? "author" : m.group(2)) : m.group(1);
            String number = editors ? (m.group(1).isEmpty() ? m.group(3) : m.group(1)) : m.group(2);
            int index = number == null || number.isEmpty() ? 1 : Integer.parseInt(number);
            byIndex.computeIfAbsent(index, i -> new Name()).set(part, value);
        });
        List<String> names = new ArrayList<>(byIndex.size());
        byIndex.values().forEach(name -> names.add(name.display()));
        return names;
    }

    // Parts of one numbered name as the parameters give them; the first of two aliases wins.
    private static final class Name {
        private String last;
        private String first;
        private String whole;

        void set(String part, String value) {
            switch (part) {
                case "last", "surname" -> last = last == null ? value : last;
                case "first", "given" -> first = first == null ? value : first;
                default -> whole = whole == null ? value : whole;
            }
        }

        String display() {
            if (last == null) {
                return whole != null ? whole : first;
            }
            String initials = first == null ? "" : initials(first);
            return initials.isEmpty() ? last : last + " " + initials;
        }
    }
}
