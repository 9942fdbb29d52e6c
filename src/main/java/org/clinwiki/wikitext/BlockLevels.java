package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines into blocks, as MediaWiki's {@code doBlockLevels} reads them: headings, rules, lists
 * ({@link ListItems}), tables ({@link Tables}), lines starting with a space as preformatted
 * text, and paragraphs, whose lines MediaWiki joins as Markdown does. Blocks of different kinds
 * are kept apart by a blank line, so Markdown never continues one into the next.
 */
final class BlockLevels {

    enum Kind { NONE, PARAGRAPH, LIST, REPLY, DEFINITIONS, OTHER }

    private final Session session;
    private final List<String> lines;
    private final StringBuilder out;
    private final ListItems lists;
    private Kind last = Kind.NONE;
    private boolean broken;

    private BlockLevels(String text, Session session) {
        this.session = session;
        this.lines = lines(text, session.stash());
        this.out = new StringBuilder(text.length() + text.length() / 8 + 16);
        this.lists = new ListItems(session, this);
    }

    static String convert(String text, Session session) {
        return new BlockLevels(text, session).run();
    }

    /** The lines, with each block token on a line of its own. */
    private static List<String> lines(String text, Stash stash) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            String line = text.substring(from, end);
            if (line.indexOf(Stash.START) < 0) {
                lines.add(line);
            } else {
                List<String> parts = stash.splitAtBlocks(line);
                for (int k = 0; k < parts.size(); k++) {
                    lines.add(k == 0 ? parts.get(k) : parts.get(k).stripLeading());
                }
            }
            from = end + 1;
        }
        return lines;
    }

    private String run() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                broken = true;
                i++;
            } else if (trimmed.startsWith("{|")) {
                int end = Tables.end(lines, i);
                block(Kind.OTHER, table(lines.subList(i, end + 1)));
                // What follows "|}" on its line (a template's "</includeonly>", more text) goes on after the table.
                String closing = lines.get(end).strip();
                String after = end > i && closing.startsWith("|}") ? closing.substring(2).strip() : "";
                if (after.isEmpty()) {
                    i = end + 1;
                } else {
                    lines.set(end, after);
                    i = end;
                }
            } else if (session.stash().isBlock(trimmed) || session.stash().isCallLine(trimmed)) {
                block(Kind.OTHER, trimmed);
                i++;
            } else if (line.charAt(0) == '=' && heading(line.stripTrailing())) {
                i++;
            } else if (line.startsWith("----")) {
                block(Kind.OTHER, "---");
                String rest = line.replaceFirst("^-+", "").strip();
                if (!rest.isEmpty()) {
                    paragraph(rest);
                }
                i++;
            } else if ("*#:;".indexOf(line.charAt(0)) >= 0) {
                lists.item(line);
                i++;
            } else if (line.charAt(0) == ' ') {
                i = preformatted(i);
            } else {
                paragraph(line.stripLeading());
                i++;
            }
        }
        lists.end();
        return out.toString();
    }

    /** A table, or, if it cannot be read, its wikitext as code: one broken table does not cost the page. */
    private String table(List<String> tableLines) {
        try {
            return Tables.convert(tableLines, session);
        } catch (RuntimeException e) {
            session.issues().add("table that could not be read", "kept as code");
            return Code.fenced("wikitext", session.stash().source(String.join("\n", tableLines)));
        }
    }

    /** Starts a block of this kind: after a blank line, unless it continues the block before. */
    void begin(Kind kind, boolean continues) {
        if (last != kind || broken || !continues) {
            lists.endDefinitions(kind);
        }
        if (last != Kind.NONE) {
            out.append(last == kind && continues && !broken ? "\n" : "\n\n");
        }
        last = kind;
        broken = false;
    }

    Kind last() {
        return last;
    }

    boolean broken() {
        return broken;
    }

    StringBuilder out() {
        return out;
    }

    private void block(Kind kind, String markdown) {
        begin(kind, false);
        out.append(markdown);
    }

    private void paragraph(String line) {
        begin(Kind.PARAGRAPH, true);
        out.append(Inline.convert(line, session, MarkdownEscaper.Place.TEXT));
    }

    /** {@code == Title ==}: the level is the shorter run of equals signs, at most six; the rest is text. */
    private boolean heading(String line) {
        int open = 0;
        while (open < line.length() && line.charAt(open) == '=') {
            open++;
        }
        int close = 0;
        while (close < line.length() - open && line.charAt(line.length() - 1 - close) == '=') {
            close++;
        }
        int level = Math.min(Math.min(open, close), 6);
        if (open == line.length()) {
            level = Math.min((line.length() - 1) / 2, 6);
        }
        if (level < 1) {
            return false;
        }
        String content = line.substring(level, line.length() - level).strip();
        String markdown = Inline.convert(content, session, MarkdownEscaper.Place.TEXT);
        if (markdown.endsWith("#")) {
            markdown = markdown.substring(0, markdown.length() - 1) + "\\#";
        }
        block(Kind.OTHER, "#".repeat(level) + " " + markdown);
        return true;
    }

    /** Lines starting with a space: preformatted, as a code block showing them as typed. */
    private int preformatted(int i) {
        StringBuilder code = new StringBuilder();
        int j = i;
        while (j < lines.size() && lines.get(j).startsWith(" ") && !lines.get(j).isBlank()
                && !lines.get(j).strip().startsWith("{|") && !session.stash().isBlock(lines.get(j))) {
            code.append(lines.get(j), 1, lines.get(j).length()).append('\n');
            j++;
        }
        if (j == i) {
            paragraph(lines.get(i).stripLeading());
            return i + 1;
        }
        String source = session.stash().source(code.toString());
        if (source.contains("[[") || source.contains("''") || source.contains("{{") || source.contains("<")) {
            session.issues().add("preformatted text with markup", "kept as a code block, its markup shown as typed");
        }
        String shown = Entities.decode(source.replaceAll("(?i)</?nowiki\\s*/?>", ""));
        block(Kind.OTHER, Code.fenced("", shown));
        return j;
    }
}
