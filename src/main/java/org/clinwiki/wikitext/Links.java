package org.clinwiki.wikitext;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Internal links, {@code [[Target#anchor|label]]}, as Clinwiki's wiki links with the target's
 * namespace prefix made Clinwiki's ({@code [[Image:x]]} becomes {@code [[File:x]]}) and the label
 * as the reader saw it: the pipe trick filled in, a link trail ({@code [[nurse]]s}) taken into the
 * label. Category assignments, file embeds, media links and interwiki links have their own forms.
 */
final class Links {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[a-z]{1,10}){0,2}");
    private static final Map<String, String> INTERWIKI = Map.ofEntries(
            Map.entry("wikipedia", "https://en.wikipedia.org/wiki/"), Map.entry("w", "https://en.wikipedia.org/wiki/"),
            Map.entry("wiktionary", "https://en.wiktionary.org/wiki/"), Map.entry("wikt", "https://en.wiktionary.org/wiki/"),
            Map.entry("commons", "https://commons.wikimedia.org/wiki/"), Map.entry("meta", "https://meta.wikimedia.org/wiki/"),
            Map.entry("m", "https://meta.wikimedia.org/wiki/"), Map.entry("mw", "https://www.mediawiki.org/wiki/"),
            Map.entry("mediawikiwiki", "https://www.mediawiki.org/wiki/"), Map.entry("wikidata", "https://www.wikidata.org/wiki/"),
            Map.entry("d", "https://www.wikidata.org/wiki/"), Map.entry("wikibooks", "https://en.wikibooks.org/wiki/"),
            Map.entry("wikiquote", "https://en.wikiquote.org/wiki/"), Map.entry("wikisource", "https://en.wikisource.org/wiki/"));

    private Links() {
    }

    /**
     * For each {@code [[} of the line that has a matching {@code ]]}, where that {@code ]]}
     * starts; null if the line has no {@code [[}. Nested pairs match innermost first, as a
     * caption's links inside a file embed do. One pass with a stack.
     */
    static int[] pairs(String line) {
        int first = line.indexOf("[[");
        if (first < 0) {
            return null;
        }
        int[] ends = new int[line.length()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = first; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '[' && line.charAt(i + 1) == '[') {
                open.push(i);
                i++;
            } else if (c == ']' && line.charAt(i + 1) == ']' && !open.isEmpty()) {
                int start = open.pop();
                // "[[#Notes|[note]]]": a label's own "[" takes the first "]", and the link ends one further on.
                if (i + 2 < line.length() && line.charAt(i + 2) == ']' && unclosedBracket(line, start + 2, i)) {
                    i++;
                }
                ends[start] = i;
                i++;
            }
        }
        return ends;
    }

    private static boolean unclosedBracket(String line, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
        }
        return depth > 0;
    }

    /** The link from {@code [[} at {@code i} to {@code ]]} at {@code close}, or null if it is none (then text). */
    static Found internal(String line, int i, int close, Session session, MarkdownEscaper.Place place) {
        if (!plausibleTarget(line, i + 2, close)) {
            return null;
        }
        String inner = line.substring(i + 2, close);
        int bar = topLevelBar(inner);
        String target = Entities.decode(bar < 0 ? inner : inner.substring(0, bar)).strip();
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.indexOf(Stash.START) >= 0) {
            // A template's parameter as the target: kept as written for the template to fill in.
            return Found.markdown("[[" + target + (label == null ? "" : "|" + session.inline(label, MarkdownEscaper.Place.LABEL))
                    + "]]", close + 2);
        }
        boolean colon = target.startsWith(":");
        String written = colon ? target.substring(1).strip() : target;
        int hash = written.indexOf('#');
        String anchor = hash < 0 ? "" : written.substring(hash);
        String page = hash < 0 ? written : written.substring(0, hash);
        if (page.isEmpty() && anchor.isEmpty() || !validTitle(page) || anchor.contains("\n")) {
            return null;
        }
        Namespaces.Parsed title = session.namespaces().parse(page);
        if (!colon && title.number() == Namespaces.FILE && !page.isEmpty()) {
            return Found.markdown(FileLinks.embed(title, inner, bar, session), close + 2);
        }
        if (!colon && title.number() == Namespaces.CATEGORY && !page.isEmpty()) {
            if (label != null && !label.isBlank()) {
                session.issues().add("category sort key", "dropped: Clinwiki sorts by title");
            }
            return Found.markdown("[[" + title.canonical() + "]]", close + 2);
        }
        if (title.number() == Namespaces.MAIN && page.indexOf(':') > 0) {
            Found interwiki = interwiki(page.substring(0, page.indexOf(':')), page.substring(page.indexOf(':') + 1) + anchor,
                    label, colon, close, session);
            if (interwiki != null) {
                return interwiki;
            }
        }
        if (!title.known()) {
            session.issues().add("link into namespace " + title.written() + ":",
                    "kept as a link to a page titled with that prefix; Clinwiki has no such namespace");
        } else if (title.number() == Namespaces.SPECIAL) {
            session.issues().add("link to a special page", "kept as a link to a page of that name");
        }
        int trailEnd = close + 2;
        while (trailEnd < line.length() && line.charAt(trailEnd) >= 'a' && line.charAt(trailEnd) <= 'z') {
            trailEnd++;
        }
        String trail = line.substring(close + 2, trailEnd);
        String canonical = (colon ? ":" : "") + title.canonical() + anchor;
        String shown;
        if (label == null) {
            if (trail.isEmpty() && !title.renamed() && written.equals(Namespaces.spaces(written))) {
                return Found.markdown("[[" + (colon ? ":" : "") + written + "]]", close + 2);
            }
            shown = MarkdownEscaper.escape(written + trail, MarkdownEscaper.Place.LABEL);
        } else if (label.isEmpty()) {
            shown = MarkdownEscaper.escape(pipeTrick(title.name()) + trail, MarkdownEscaper.Place.LABEL);
        } else {
            shown = session.inline(label + trail, MarkdownEscaper.Place.LABEL);
        }
        return Found.markdown("[[" + canonical + "|" + shown + "]]", trailEnd);
    }

    /**
     * A link whose prefix is a language (an interlanguage link: dropped, since Clinwiki has no
     * other languages to point to) or a known wiki (an external link); null for neither.
     */
    private static Found interwiki(String prefix, String rest, String label, boolean colon, int close, Session session) {
        String key = prefix.strip().toLowerCase(Locale.ROOT);
        String base = INTERWIKI.get(key);
        if (base != null) {
            session.issues().add("interwiki link " + key + ":", "made an external link");
            String url = base + rest.strip().replace(' ', '_').replace("<", "%3C").replace(">", "%3E");
            // Without a label MediaWiki shows the link as written, prefix and all ("mw:Help:Links").
            String shown = label == null || label.isBlank()
                    ? MarkdownEscaper.escape(prefix.strip() + ":" + rest.strip(), MarkdownEscaper.Place.TEXT)
                    : session.inline(label, MarkdownEscaper.Place.TEXT);
            return Found.markdown("[" + shown + "](<" + url + ">)", close + 2);
        }
        if (prefix.equals(key) && LANGUAGE.matcher(key).matches()) {
            if (colon) {
                session.issues().add("link to another language's wiki (" + key + ":)", "kept as its text");
                return Found.text(label == null || label.isBlank() ? rest : label, close + 2);
            }
            session.issues().add("interlanguage link " + key + ":", "dropped");
            return Found.markdown("", close + 2);
        }
        return null;
    }

    /** MediaWiki's pipe trick: the title without its namespace, a trailing "(…)" or what follows a comma. */
    private static String pipeTrick(String name) {
        String shown = name;
        int parenthesis = shown.lastIndexOf(" (");
        if (parenthesis > 0 && shown.endsWith(")")) {
            shown = shown.substring(0, parenthesis);
        } else if (shown.indexOf(", ") > 0) {
            shown = shown.substring(0, shown.indexOf(", "));
        }
        return shown.strip();
    }

    /**
     * Whether the target (up to the first bar) has no character a title cannot have: checked
     * before anything is copied, so brackets nested thousands deep cost nothing each.
     */
    private static boolean plausibleTarget(String line, int from, int close) {
        for (int k = from; k < close; k++) {
            char c = line.charAt(k);
            if (c == '|') {
                return true;
            }
            if (c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    private static boolean validTitle(String page) {
        for (int k = 0; k < page.length(); k++) {
            char c = page.charAt(k);
            if (c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c < ' ') {
                return false;
            }
        }
        return page.length() <= 512;
    }

    /** The first bar of a link not inside a nested link: where the target ends. */
    static int topLevelBar(String inner) {
        int depth = 0;
        for (int k = 0; k < inner.length(); k++) {
            char c = inner.charAt(k);
            if (c == '[' && k + 1 < inner.length() && inner.charAt(k + 1) == '[') {
                depth++;
                k++;
            } else if (c == ']' && k + 1 < inner.length() && inner.charAt(k + 1) == ']' && depth > 0) {
                depth--;
                k++;
            } else if (c == '|' && depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
