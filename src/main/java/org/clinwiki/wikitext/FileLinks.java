package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code [[File:X.png|thumb|right|200px|alt=…|caption]]} (or {@code Image:}, or the source
 * wiki's own name for files) as Clinwiki's embed, which reads the same options. The caption is
 * converted as inline text; an option Clinwiki ignores is kept too, as it harms nothing.
 */
final class FileLinks {

    private static final Set<String> WORDS = Set.of("thumb", "thumbnail", "frame", "framed", "frameless", "border", "left",
            "right", "center", "centre", "none", "upright", "baseline", "middle", "sub", "super", "top", "text-top", "bottom",
            "text-bottom");
    private static final Set<String> KEYS = Set.of("alt", "link", "page", "class", "lang", "thumbtime", "start", "end", "upright");
    private static final Pattern SIZE = Pattern.compile("(?:\\d{1,5})?(?:x\\d{1,5})?\\s*px");

    private FileLinks() {
    }

    static String embed(Namespaces.Parsed file, String inner, int bar, Session session) {
        StringBuilder out = new StringBuilder("[[").append(file.canonical());
        if (bar < 0) {
            return out.append("]]").toString();
        }
        List<String> parts = parts(inner.substring(bar + 1));
        String caption = null;
        List<String> options = new ArrayList<>();
        for (String part : parts) {
            String option = part.strip();
            String word = option.toLowerCase(Locale.ROOT);
            int equals = word.indexOf('=');
            if (WORDS.contains(word) || SIZE.matcher(word).matches() || word.startsWith("upright ")) {
                options.add(option);
            } else if (equals > 0 && KEYS.contains(word.substring(0, equals).strip())) {
                options.add(keyed(option, equals, session));
            } else {
                caption = part;
            }
        }
        for (String option : options) {
            out.append('|').append(option);
        }
        if (caption != null && !caption.isBlank()) {
            out.append('|').append(session.inline(caption.strip(), MarkdownEscaper.Place.TEXT));
        }
        return out.append("]]").toString();
    }

    /** {@code link=} to a page names it with Clinwiki's prefix; {@code alt=} is plain text. */
    private static String keyed(String option, int equals, Session session) {
        String key = option.substring(0, equals).strip();
        String value = session.stash().source(option.substring(equals + 1)).strip();
        if (key.equalsIgnoreCase("link") && !value.isEmpty() && ExternalLinks.scheme(value, 0) == 0) {
            value = session.namespaces().parse(value).canonical();
        } else if (key.equalsIgnoreCase("alt")) {
            value = PlainText.of(value, session);
        }
        return key + "=" + value;
    }

    /** The options at the bars outside nested links and tokens. */
    private static List<String> parts(String options) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int k = 0; k < options.length(); k++) {
            char c = options.charAt(k);
            if (c == '[' && k + 1 < options.length() && options.charAt(k + 1) == '[') {
                depth++;
                k++;
            } else if (c == ']' && k + 1 < options.length() && options.charAt(k + 1) == ']' && depth > 0) {
                depth--;
                k++;
            } else if (c == '|' && depth == 0) {
                parts.add(options.substring(from, k));
                from = k + 1;
            }
        }
        parts.add(options.substring(from));
        return parts;
    }
}
