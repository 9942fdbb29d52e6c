package org.clinwiki.wikitext;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML tags MediaWiki allows in wikitext. Those of Clinwiki's small HTML subset stay, written
 * afresh without attributes (an abbreviation keeps its title); bold and italic tags become
 * Markdown; layout and styling tags are dropped with their content kept; any other tag, which
 * MediaWiki would show as text too, is shown as typed.
 */
final class HtmlTags {

    private static final Set<String> SUBSET = Set.of("sup", "sub", "br", "abbr", "kbd", "small", "mark", "del", "ins", "u",
            "s", "dl", "dt", "dd");
    private static final Map<String, String> MARKDOWN = Map.of("b", "**", "strong", "**", "i", "*", "em", "*");
    private static final Map<String, String> RENAMED = Map.of("strike", "s", "samp", "kbd", "var", "", "cite", "");
    private static final Set<String> STYLING = Set.of("span", "font", "big", "center", "div", "p", "bdi", "bdo", "wbr",
            "time", "data", "ruby", "rb", "rp", "rt", "rtc", "q", "dfn", "section", "article", "aside", "header", "footer",
            "nav", "figure", "figcaption", "ol", "ul", "li", "hr", "caption");
    private static final Set<String> TABLE = Set.of("table", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "col");
    private static final int MAX_TAG = 1000;

    private HtmlTags() {
    }

    /** The tag at {@code i}, or null if the {@code <} starts none (it is then text). */
    static Found at(String line, int i, Session session) {
        int k = i + 1;
        boolean closing = k < line.length() && line.charAt(k) == '/';
        if (closing) {
            k++;
        }
        int nameStart = k;
        while (k < line.length() && k - nameStart < 20 && (Character.isLetterOrDigit(line.charAt(k)) && line.charAt(k) < 128)) {
            k++;
        }
        if (k == nameStart || !Character.isLetter(line.charAt(nameStart))) {
            return null;
        }
        int end = tagEnd(line, k);
        if (end < 0) {
            return null;
        }
        String name = line.substring(nameStart, k).toLowerCase(Locale.ROOT);
        String source = line.substring(i, end + 1);
        String attributes = line.substring(k, line.charAt(end - 1) == '/' ? end - 1 : end);
        if (SUBSET.contains(name)) {
            return Found.markdown(subset(name, closing, attributes), end + 1);
        }
        if (MARKDOWN.containsKey(name)) {
            return Found.markdown(MARKDOWN.get(name), end + 1);
        }
        String renamed = RENAMED.get(name);
        if (renamed != null) {
            return Found.markdown(renamed.isEmpty() ? "" : "<" + (closing ? "/" : "") + renamed + ">", end + 1);
        }
        if (STYLING.contains(name)) {
            report(session, closing, "HTML <" + name + ">", "tag dropped, its content kept");
            return Found.markdown(name.equals("hr") ? "" : closing || !name.equals("p") && !name.equals("li") ? "" : " ", end + 1);
        }
        report(session, closing, TABLE.contains(name) ? "HTML table markup <" + name + ">" : "HTML <" + name + ">", "kept as text");
        return Found.text(source, end + 1);
    }

    /** Reported once per element: its closing tag is part of what its opening tag reported. */
    private static void report(Session session, boolean closing, String construct, String action) {
        if (!closing) {
            session.issues().add(construct, action);
        }
    }

    private static String subset(String name, boolean closing, String attributes) {
        if (closing) {
            return name.equals("br") ? "<br>" : "</" + name + ">";
        }
        if (name.equals("abbr")) {
            String title = Attributes.parse(attributes).get("title");
            if (title != null && !title.isBlank()) {
                // Clinwiki reads the title between double quotes and escapes it itself.
                String escaped = Entities.decode(title).replace('"', '\'').replace('<', '(').replace('>', ')');
                return "<abbr title=\"" + escaped + "\">";
            }
        }
        return "<" + name + ">";
    }

    /** The {@code >} closing a tag whose name ends at {@code from}, or -1. */
    private static int tagEnd(String line, int from) {
        char first = from < line.length() ? line.charAt(from) : 0;
        if (first != '>' && first != '/' && first != ' ' && first != '\t') {
            return -1;
        }
        int limit = Math.min(line.length(), from + MAX_TAG);
        for (int k = from; k < limit; k++) {
            char c = line.charAt(k);
            if (c == '>') {
                return k;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }
}
