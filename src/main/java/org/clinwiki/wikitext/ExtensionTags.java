package org.clinwiki.wikitext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first pass, as MediaWiki's preprocessor does it: comments are dropped, and the tags whose
 * content is not wikitext ({@code nowiki}, {@code pre}, {@code math}, {@code syntaxhighlight},
 * {@code code}) or is handled apart ({@code ref}, {@code references}, {@code blockquote},
 * {@code gallery}) are cut out into {@link Stash} tokens, so no later pass reads markup in them.
 * The inclusion tags of templates are kept as written. One pass; each closing tag is searched
 * for once per position, so unclosed tags cannot make it quadratic.
 */
final class ExtensionTags {

    private static final Set<String> CONTENT_TAGS = Set.of("nowiki", "pre", "syntaxhighlight", "source", "math", "chem",
            "code", "tt", "ref", "references", "blockquote", "gallery");
    /** Extensions whose content means nothing without them: shown as their source. */
    private static final Set<String> OPAQUE_TAGS = Set.of("imagemap", "timeline", "inputbox", "categorytree", "graph",
            "score", "templatedata", "hiero", "dynamicpagelist", "mapframe", "maplink", "poem", "charinsert");
    private static final Set<String> INCLUSION_TAGS = Set.of("noinclude", "includeonly", "onlyinclude");
    private static final int MAX_TAG_LENGTH = 2000;

    private final String text;
    private final Session session;
    private final boolean insideReferences;
    private final StringBuilder out;
    /** Per closing tag, where it was last found (or -1: nowhere after that search's start). */
    private final Map<String, int[]> closings = new HashMap<>();

    private ExtensionTags(String text, Session session, boolean insideReferences) {
        // Tag names are compared where they stand, ignoring case: lower-casing a whole page costs more than all the rest.
        this.text = text;
        this.session = session;
        this.insideReferences = insideReferences;
        this.out = new StringBuilder(text.length() + 16);
    }

    static String cut(String text, Session session) {
        return text.indexOf('<') < 0 ? text : new ExtensionTags(text, session, false).run();
    }

    private String run() {
        int i = 0;
        int length = text.length();
        while (i < length) {
            int next = text.indexOf('<', i);
            if (next < 0) {
                out.append(text, i, length);
                break;
            }
            out.append(text, i, next);
            i = tagAt(next);
        }
        return out.toString();
    }

    /** Handles what starts at the {@code <} at {@code i}; returns where reading goes on. */
    private int tagAt(int i) {
        if (text.startsWith("<!--", i)) {
            return comment(i);
        }
        int nameStart = i + 1;
        boolean closing = nameStart < text.length() && text.charAt(nameStart) == '/';
        int j = closing ? nameStart + 1 : nameStart;
        int nameEnd = j;
        while (nameEnd < text.length() && nameEnd - j < 20 && Character.isLetter(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(j, nameEnd).toLowerCase(Locale.ROOT);
        boolean known = CONTENT_TAGS.contains(name) || OPAQUE_TAGS.contains(name) || INCLUSION_TAGS.contains(name);
        int close = known ? tagEnd(nameEnd) : -1;
        if (close < 0) {
            out.append('<');
            return i + 1;
        }
        if (INCLUSION_TAGS.contains(name)) {
            String tag = text.substring(i, close + 1);
            out.append(session.stash().inline(tag, tag));
            return close + 1;
        }
        if (closing) {
            // A closing tag without its opening one: MediaWiki shows it as text.
            session.issues().add("<" + "/" + name + "> without an opening tag", "kept as text");
            out.append(session.stash().inline(MarkdownEscaper.escape(text.substring(i, close + 1), MarkdownEscaper.Place.TEXT),
                    text.substring(i, close + 1)));
            return close + 1;
        }
        String attributes = text.substring(nameEnd, text.charAt(close - 1) == '/' ? close - 1 : close);
        if (text.charAt(close - 1) == '/') {
            out.append(selfClosed(name, attributes, text.substring(i, close + 1)));
            return close + 1;
        }
        int end = closingTag(name, close + 1);
        if (end < 0) {
            session.issues().add("<" + name + "> never closed", "the tag kept as text");
            String tag = text.substring(i, close + 1);
            out.append(session.stash().inline(MarkdownEscaper.escape(tag, MarkdownEscaper.Place.TEXT), tag));
            return close + 1;
        }
        int after = text.indexOf('>', end) + 1;
        String content = text.substring(close + 1, end);
        String source = text.substring(i, after);
        out.append(TagContents.of(session, name, Attributes.parse(attributes), content, source, insideReferences));
        return after;
    }

    private String selfClosed(String name, String attributes, String source) {
        return switch (name) {
            case "ref" -> session.stash().inline(session.references().cite(Attributes.parse(attributes), null, insideReferences),
                    source);
            case "references" -> session.references().listMarker(Attributes.parse(attributes), source);
            default -> session.stash().inline("", source);
        };
    }

    /** The {@code >} ending a tag whose name ends at {@code from}, or -1 if this is no tag. */
    private int tagEnd(int from) {
        if (from >= text.length()) {
            return -1;
        }
        char c = text.charAt(from);
        if (c != '>' && c != '/' && !Character.isWhitespace(c)) {
            return -1;
        }
        int limit = Math.min(text.length(), from + MAX_TAG_LENGTH);
        for (int k = from; k < limit; k++) {
            char d = text.charAt(k);
            if (d == '>') {
                return k;
            }
            if (d == '<') {
                return -1;
            }
        }
        return -1;
    }

    /** Where {@code </name>} starts at or after {@code from}, or -1. */
    private int closingTag(String name, int from) {
        int[] found = closings.computeIfAbsent(name, n -> new int[] {Integer.MIN_VALUE, 0});
        if (found[0] == -1 && found[1] <= from) {
            return -1;
        }
        if (found[0] >= from) {
            return found[0];
        }
        int at = text.indexOf("</", from);
        while (at >= 0) {
            int k = at + 2 + name.length();
            if (text.regionMatches(true, at + 2, name, 0, name.length())) {
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k < text.length() && text.charAt(k) == '>') {
                    break;
                }
            }
            at = text.indexOf("</", at + 2);
        }
        found[0] = at;
        found[1] = from;
        return at;
    }

    /**
     * A comment shows nothing; an unclosed one hides the rest of the page, as in MediaWiki. A
     * comment alone on its line takes the line with it, so it does not split a list or paragraph.
     */
    private int comment(int i) {
        int[] found = closings.computeIfAbsent("-->", n -> new int[] {Integer.MIN_VALUE, 0});
        int end;
        if (found[0] >= i + 4 || found[0] == -1 && found[1] <= i + 4) {
            end = found[0];
        } else {
            end = text.indexOf("-->", i + 4);
            found[0] = end;
            found[1] = i + 4;
        }
        if (end < 0) {
            return text.length();
        }
        int after = end + 3;
        boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        int k = after;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        if (lineStart && k < text.length() && text.charAt(k) == '\n') {
            return k + 1;
        }
        return after;
    }

    /** The refs inside {@code <references>…</references>}: definitions, cited elsewhere. */
    static String cutInsideReferences(String content, Session session) {
        return new ExtensionTags(content, session, true).run();
    }
}
