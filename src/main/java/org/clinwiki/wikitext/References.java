package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <ref>} notes as Markdown footnotes: each note gets a label ({@code [^name]} for a named
 * one, a number otherwise, prefixed by its group), every citation of it is {@code [^label]}, and
 * its one definition goes at the end of the page, where Clinwiki lists it at the first
 * {@code {{references}}}. A named note may be defined at any citation, before or after the
 * others, or in the list itself; one never defined gets a note saying so.
 */
final class References {

    /** Notes inside notes, and notes in their own bodies, stop here. */
    private static final int MAX_NOTES = 5000;

    private static final class Note {
        final String label;
        final String description;
        String body;

        Note(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    private final Session session;
    private final Map<String, Note> named = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private final Set<String> labels = new HashSet<>();
    private final List<String[]> lists = new ArrayList<>();
    private int unnamed;

    References(Session session) {
        this.session = session;
    }

    /**
     * A {@code <ref>} with these attributes and body ({@code null} for {@code <ref name=x/>}):
     * its citation as Markdown, or nothing for a definition inside the list.
     */
    String cite(Map<String, String> attributes, String body, boolean definitionOnly) {
        String name = attributes.getOrDefault("name", "").strip();
        String group = attributes.getOrDefault("group", "").strip();
        boolean empty = body == null || body.isBlank();
        if (name.isEmpty() && empty) {
            session.issues().add("<ref> with no name and no text", "dropped");
            return "";
        }
        if (notes.size() >= MAX_NOTES) {
            session.issues().add("more than " + MAX_NOTES + " notes", "the rest dropped");
            return "";
        }
        if (!group.isEmpty()) {
            session.issues().add("notes of group \"" + group + "\"", "numbered with the other notes; labels prefixed with the group");
        }
        Note note = name.isEmpty() ? add(group, Integer.toString(++unnamed), "") : named.get(group + "\u0000" + name);
        if (note == null) {
            note = add(group, name, name);
            named.put(group + "\u0000" + name, note);
        }
        if (!empty) {
            if (note.body == null) {
                note.body = body;
            } else if (!note.body.strip().equals(body.strip())) {
                session.issues().add("note \"" + name + "\" defined twice with different text", "the first text kept");
            }
        }
        return definitionOnly ? "" : "[^" + note.label + "]";
    }

    private Note add(String group, String name, String description) {
        String base = (group.isEmpty() ? "" : label(group) + "-") + label(name);
        String label = base;
        for (int n = 2; !labels.add(label); n++) {
            label = base + "-" + n;
        }
        Note note = new Note(label, description);
        notes.add(note);
        return note;
    }

    /** A footnote label from a note's name: letters, digits and a few marks, the rest as hyphens. */
    private static String label(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 60));
        for (int i = 0; i < name.length() && out.length() < 60; i++) {
            char c = name.charAt(i);
            boolean plain = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
            if (plain) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        String label = out.toString().replaceAll("-+$", "");
        return label.isEmpty() ? "note" : label;
    }

    /**
     * {@code <references />}, {@code {{reflist}}}: a place for the list. Clinwiki shows one list
     * of all notes, at the first list without a group if there is one, else at the first.
     */
    String listMarker(Map<String, String> attributes, String source) {
        String token = session.stash().block("", source);
        lists.add(new String[] {token, attributes.getOrDefault("group", "").strip()});
        return token;
    }

    /** Decides where the list goes, before the tokens are resolved. */
    void placeList() {
        String[] chosen = null;
        for (String[] list : lists) {
            if (chosen == null || chosen[1].length() > 0 && list[1].isEmpty()) {
                chosen = list;
            }
        }
        for (String[] list : lists) {
            if (list == chosen) {
                session.stash().replace(list[0], "{{references}}");
            } else {
                session.issues().add("another list of notes" + (list[1].isEmpty() ? "" : " (group " + list[1] + ")"),
                        "merged into the one list");
            }
        }
    }

    /**
     * The footnote definitions of the notes cited in {@code markdown} (the page, tokens resolved),
     * one each, in order of first citation; a note cited in a note is defined too. A note whose
     * citations were all dropped (in a list's own definitions, in a dropped construct) is left out.
     */
    String definitions(String markdown) {
        Map<String, Note> byLabel = new HashMap<>();
        notes.forEach(note -> byLabel.put(note.label, note));
        List<Note> cited = new ArrayList<>();
        Set<Note> seen = new HashSet<>();
        citedIn(markdown, byLabel, seen, cited);
        StringBuilder out = new StringBuilder();
        // Indexed: converting a body may cite more notes.
        for (int i = 0; i < cited.size(); i++) {
            Note note = cited.get(i);
            String body;
            if (note.body == null) {
                session.issues().add("note \"" + note.description + "\" cited but not defined",
                        "shown as a note saying it was not defined in this revision");
                body = MarkdownEscaper.escape("Note \"" + note.description + "\" was not defined in this revision.",
                        MarkdownEscaper.Place.TEXT);
            } else {
                body = session.stash().markdown(session.document(note.body)).strip();
                citedIn(body, byLabel, seen, cited);
            }
            out.append("[^").append(note.label).append("]: ").append(indented(body)).append('\n');
        }
        for (Note note : notes) {
            if (!seen.contains(note) && note.body != null) {
                session.issues().add("note \"" + note.description + "\" defined but never cited", "dropped");
            }
        }
        return out.toString();
    }

    /** Adds the notes cited in {@code markdown} that are not yet in {@code cited}. One pass over the text. */
    private static void citedIn(String markdown, Map<String, Note> byLabel, Set<Note> seen, List<Note> cited) {
        int at = markdown.indexOf("[^");
        while (at >= 0) {
            int end = markdown.indexOf(']', at);
            if (end < 0) {
                return;
            }
            Note note = end - at < 80 ? byLabel.get(markdown.substring(at + 2, end)) : null;
            if (note != null && seen.add(note)) {
                cited.add(note);
            }
            at = markdown.indexOf("[^", at + 2);
        }
    }

    /** Later lines of a note indented, so they stay in it; blank lines kept, as they separate its paragraphs. */
    private static String indented(String body) {
        if (body.isEmpty()) {
            return "";
        }
        return body.replace("\n", "\n    ").replace("\n    \n", "\n\n");
    }
}
