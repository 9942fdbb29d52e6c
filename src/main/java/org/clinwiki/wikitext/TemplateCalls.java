package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second pass: each outermost {@code {{…}}} becomes a {@link Stash} token. Calls of
 * templates stay calls, which Clinwiki expands from the imported {@code Template:} pages, with
 * their arguments converted; citations become Clinwiki's citations ({@link Citations}); the list
 * of notes its place; magic words and parser functions what {@link MagicWords} makes of them.
 * Parameters ({@code {{{1|default}}}}) of template pages stay exactly as written.
 */
final class TemplateCalls {

    private TemplateCalls() {
    }

    static String replace(String text, Session session) {
        if (!text.contains("{{")) {
            return text;
        }
        List<BraceSpans> spans = BraceSpans.outermost(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        for (BraceSpans span : spans) {
            out.append(text, at, span.start());
            String source = text.substring(span.start(), span.end());
            String converted;
            try {
                converted = span.parameter() ? session.stash().inline(session.stash().source(source), source)
                        : call(source.substring(2, source.length() - 2), source, session);
            } catch (RuntimeException e) {
                session.issues().add("template call " + name(source), "kept as code: it could not be read");
                converted = session.stash().inline(Code.inline(session.stash().source(source), MarkdownEscaper.Place.TEXT),
                        source);
            }
            out.append(converted);
            at = span.end();
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    private static String name(String source) {
        int bar = source.indexOf('|');
        return (bar < 0 ? source : source.substring(0, bar) + "}}").strip();
    }

    private static String call(String inner, String source, Session session) {
        List<String> parts = split(inner);
        String name = parts.getFirst().strip();
        String key = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (key.startsWith("subst:") || key.startsWith("safesubst:")) {
            session.issues().add("substitution " + name(source), "read as a call of the template");
            return call(inner.substring(inner.indexOf(':') + 1), source, session);
        }
        if (name.startsWith("#")) {
            return MagicWords.convert(name, parts, source, session);
        }
        if (name.isEmpty() || name.indexOf(Stash.START) >= 0 || name.contains("{{")) {
            return MagicWords.asCode(source, "template call with a computed name", session);
        }
        String magic = MagicWords.convert(name, parts, source, session);
        if (magic != null) {
            return magic;
        }
        String normal = SourceSite.key(name);
        if (normal.equals("reflist") || normal.equals("references") || normal.equals("reference list")
                || normal.equals("notelist") || normal.equals("refs")) {
            return reflist(parts, source, session);
        }
        if (normal.equals("efn") || normal.equals("refn") || normal.startsWith("efn-") || normal.equals("notetag")) {
            return note(normal, parts, source, session);
        }
        if (Citations.isCitation(normal)) {
            return session.stash().inline(Citations.convert(normal, parts.subList(1, parts.size()), source, session), source);
        }
        return session.stash().call(transclusion(name, parts, session), source);
    }

    /** {@code {{reflist|2|refs=…}}}: the place of the list; notes given in {@code refs=} are defined there. */
    private static String reflist(List<String> parts, String source, Session session) {
        Map<String, String> attributes = new HashMap<>();
        if (SourceSite.key(parts.getFirst()).equals("notelist")) {
            attributes.put("group", "lower-alpha");
        }
        for (String part : parts.subList(1, parts.size())) {
            int equals = part.indexOf('=');
            String key = equals > 0 ? part.substring(0, equals).strip().toLowerCase(Locale.ROOT) : "";
            if (key.equals("refs")) {
                ExtensionTags.cutInsideReferences(session.stash().source(part.substring(equals + 1)), session);
            } else if (key.equals("group")) {
                attributes.put("group", part.substring(equals + 1).strip());
            }
        }
        return session.references().listMarker(attributes, source);
    }

    /**
     * {@code {{efn|text}}}, {@code {{refn|group=note|text}}}: a note written as a template, as
     * {@code <ref>} would write it ({@code efn} notes are the "lower-alpha" group).
     */
    private static String note(String normal, List<String> parts, String source, Session session) {
        Map<String, String> attributes = new HashMap<>();
        if (!normal.equals("refn")) {
            attributes.put("group", "lower-alpha");
        }
        String body = null;
        for (String part : parts.subList(1, parts.size())) {
            int equals = topLevelEquals(part);
            String key = equals > 0 ? part.substring(0, equals).strip().toLowerCase(Locale.ROOT) : "";
            if (key.equals("name") || key.equals("group")) {
                attributes.put(key, part.substring(equals + 1).strip());
            } else if (equals < 0 || key.equals("1")) {
                body = session.stash().source(equals < 0 ? part : part.substring(equals + 1));
            }
        }
        return session.stash().inline(session.references().cite(attributes, body, false), source);
    }

    private static String transclusion(String name, List<String> parts, Session session) {
        boolean page = name.startsWith(":");
        Namespaces.Parsed title = session.namespaces().parse(page ? name.substring(1) : name);
        String target;
        if (page) {
            target = ":" + title.canonical();
        } else if (title.number() == Namespaces.TEMPLATE) {
            target = title.name();
        } else {
            target = title.canonical();
        }
        String shown = page ? target.substring(1) : title.number() == Namespaces.MAIN || title.number() == Namespaces.TEMPLATE
                ? "Template:" + title.name() : title.canonical();
        if (!title.known()) {
            session.issues().add("template {{" + name + "}} from namespace " + title.written(),
                    "kept as a transclusion of " + shown + ", a namespace Clinwiki does not have");
        } else {
            session.issues().add("template {{" + (page ? target : title.name()) + "}}", "kept as a transclusion of " + shown);
        }
        String spacing = parts.getFirst().substring(parts.getFirst().stripTrailing().length());
        StringBuilder out = new StringBuilder("{{").append(target).append(spacing);
        for (String argument : parts.subList(1, parts.size())) {
            out.append('|').append(argument(argument, session));
        }
        return out.append("}}").toString();
    }

    /** An argument with its value converted and its spacing kept: named ones as {@code key=value}. */
    private static String argument(String argument, Session session) {
        int equals = topLevelEquals(argument);
        if (equals < 0) {
            return session.fragment(argument, MarkdownEscaper.Place.TEXT);
        }
        return argument.substring(0, equals) + "=" + session.fragment(argument.substring(equals + 1), MarkdownEscaper.Place.TEXT);
    }

    /** The first {@code =} not inside a nested call or link: where a named argument's name ends. */
    static int topLevelEquals(String argument) {
        int braces = 0;
        int brackets = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '{' && i + 1 < argument.length() && argument.charAt(i + 1) == '{') {
                braces++;
                i++;
            } else if (c == '}' && i + 1 < argument.length() && argument.charAt(i + 1) == '}' && braces > 0) {
                braces--;
                i++;
            } else if (c == '[' && i + 1 < argument.length() && argument.charAt(i + 1) == '[') {
                brackets++;
                i++;
            } else if (c == ']' && i + 1 < argument.length() && argument.charAt(i + 1) == ']' && brackets > 0) {
                brackets--;
                i++;
            } else if (c == '=' && braces == 0 && brackets == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The call's parts at the bars outside nested calls and links: the name first, then the arguments. */
    static List<String> split(String inner) {
        List<String> parts = new ArrayList<>();
        int braces = 0;
        int brackets = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            char next = i + 1 < inner.length() ? inner.charAt(i + 1) : 0;
            if (c == '{' && next == '{') {
                braces++;
                i++;
            } else if (c == '}' && next == '}' && braces > 0) {
                braces--;
                i++;
            } else if (c == '[' && next == '[') {
                brackets++;
                i++;
            } else if (c == ']' && next == ']' && brackets > 0) {
                brackets--;
                i++;
            } else if (c == '|' && braces == 0 && brackets == 0) {
                parts.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inner.substring(from));
        return parts;
    }
}
