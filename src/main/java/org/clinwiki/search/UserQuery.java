package org.clinwiki.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a reader typed, taken apart. Forgiving by design: there is no syntax error. Words,
 * {@code "quoted phrases"} (an unclosed quote runs to the end), {@code -exclusions}, and the
 * prefixes {@code title:} and {@code category:}; a lone operator is ignored.
 */
record UserQuery(String text, List<Part> parts) {

    enum Field { ANY, TITLE, CATEGORY }

    /** One piece of the query: a word or a phrase, where to look, and whether it must not match. */
    record Part(Field field, String text, boolean phrase, boolean excluded) {
    }

    static UserQuery parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (text.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            Field field = Field.ANY;
            for (Field candidate : List.of(Field.TITLE, Field.CATEGORY)) {
                String prefix = candidate.name().toLowerCase(Locale.ROOT) + ":";
                if (text.regionMatches(true, i, prefix, 0, prefix.length())) {
                    field = candidate;
                    i += prefix.length();
                    break;
                }
            }
            boolean phrase = i < n && text.charAt(i) == '"';
            int end;
            String value;
            if (phrase) {
                int close = text.indexOf('"', i + 1);
                end = close < 0 ? n : close + 1;
                value = text.substring(i + 1, close < 0 ? n : close);
            } else {
                end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                value = text.substring(i, end);
            }
            i = end;
            value = value.strip();
            if (!value.isEmpty() && !value.equals("-")) {
                parts.add(new Part(field, value, phrase, excluded));
            }
        }
        return new UserQuery(text, List.copyOf(parts));
    }

    /** Whether it is only plain words (no phrases, prefixes or exclusions): it might be a title. */
    boolean isPlain() {
        return parts.stream().allMatch(part -> part.field() == Field.ANY && !part.phrase() && !part.excluded());
    }
}
