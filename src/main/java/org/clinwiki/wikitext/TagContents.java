package org.clinwiki.wikitext;

import java.util.Locale;
import java.util.Map;

/** What a cut-out extension tag becomes: code, a note, the place of the notes, a quotation, figures. */
final class TagContents {

    private TagContents() {
    }

    static String of(Session session, String name, Map<String, String> attributes, String content, String source,
                     boolean insideReferences) {
        Stash stash = session.stash();
        return switch (name) {
            case "nowiki" -> stash.inline(MarkdownEscaper.escapeAnywhere(Entities.decode(content), MarkdownEscaper.Place.TEXT), source);
            case "pre" -> stash.block(Code.fenced("", Entities.decode(withoutNowiki(dropFirstNewline(content)))), source);
            case "syntaxhighlight", "source" -> highlighted(session, attributes, content, source);
            case "math", "chem" -> {
                session.issues().add("<" + name + ">", "kept as code");
                yield stash.inline(Code.inline(content, MarkdownEscaper.Place.TEXT), source);
            }
            case "code", "tt" -> stash.inline(Code.inline(Entities.decode(withoutNowiki(content)), MarkdownEscaper.Place.TEXT),
                    source);
            case "ref" -> stash.inline(session.references().cite(attributes, content, insideReferences), source);
            case "references" -> {
                ExtensionTags.cutInsideReferences(content, session);
                yield session.references().listMarker(attributes, source);
            }
            case "blockquote" -> stash.block(quoted(stash.markdown(session.document(content))), source);
            case "gallery" -> gallery(session, content, source);
            default -> {
                session.issues().add("<" + name + "> extension", "kept as code");
                yield stash.block(Code.fenced("wikitext", source), source);
            }
        };
    }

    private static String highlighted(Session session, Map<String, String> attributes, String content, String source) {
        String language = attributes.getOrDefault("lang", attributes.getOrDefault("language", ""))
                .replaceAll("[^A-Za-z0-9_+#.-]", "");
        if (attributes.containsKey("inline")) {
            return session.stash().inline(Code.inline(content, MarkdownEscaper.Place.TEXT), source);
        }
        return session.stash().block(Code.fenced(language.toLowerCase(Locale.ROOT), dropFirstNewline(content)), source);
    }

    private static String quoted(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 32);
        for (String line : markdown.strip().split("\n", -1)) {
            out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** Each line {@code File:Name.jpg|caption} shown as a captioned figure, one after another. */
    private static String gallery(Session session, String content, String source) {
        session.issues().add("<gallery>", "shown as figures one below another");
        StringBuilder wikitext = new StringBuilder();
        for (String line : content.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int bar = entry.indexOf('|');
            String file = bar < 0 ? entry : entry.substring(0, bar);
            String caption = bar < 0 ? "" : entry.substring(bar + 1);
            if (!file.contains(":")) {
                file = "File:" + file;
            }
            wikitext.append("[[").append(file).append("|thumb|none|").append(caption).append("]]\n");
        }
        return session.stash().block(session.stash().markdown(session.document(wikitext.toString())), source);
    }

    private static String dropFirstNewline(String content) {
        return content.startsWith("\n") ? content.substring(1) : content.startsWith("\r\n") ? content.substring(2) : content;
    }

    private static String withoutNowiki(String content) {
        return content.indexOf('<') < 0 ? content : content.replaceAll("(?i)</?nowiki\\s*/?>", "");
    }
}
