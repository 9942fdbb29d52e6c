package org.clinwiki.wikitext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The attributes of an HTML or extension tag, {@code name="a" group=note}: names lower-cased, values unquoted. */
final class Attributes {

    private Attributes() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> attributes = new HashMap<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && !isNameChar(text.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < length && isNameChar(text.charAt(i))) {
                i++;
            }
            if (nameStart == i) {
                break;
            }
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < length && text.charAt(i) == '=') {
                i++;
                while (i < length && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i < length && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                    char quote = text.charAt(i);
                    int end = text.indexOf(quote, i + 1);
                    end = end < 0 ? length : end;
                    value = text.substring(i + 1, end);
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < length && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '/') {
                        i++;
                    }
                    value = text.substring(start, i);
                }
            }
            attributes.putIfAbsent(name, value.strip());
        }
        return attributes;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':');
    }
}
