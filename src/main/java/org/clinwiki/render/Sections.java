package org.clinwiki.render;

import static org.clinwiki.render.MarkdownLines.firstNonSpace;
import static org.clinwiki.render.MarkdownLines.isAtxHeading;
import static org.clinwiki.render.MarkdownLines.isBlank;
import static org.clinwiki.render.MarkdownLines.isSpace;
import static org.clinwiki.render.MarkdownLines.isThematicBreak;
import static org.clinwiki.render.MarkdownLines.isUnderline;
import static org.clinwiki.render.MarkdownLines.lineEnd;
import static org.clinwiki.render.MarkdownLines.startsContainer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A Markdown page cut into MediaWiki-style sections, for editing one section at a time and for
 * "Add topic" on talk pages. Section 0 is the lead before the first heading; section n is the
 * n-th heading (ATX or setext, not inside fenced code) with everything up to the next heading of
 * the same or a higher level, so a section includes its subsections, as in MediaWiki.
 *
 * <p>Headings are found line by line, following CommonMark closely enough that the sections match
 * the rendered headings: a setext underline only counts under a paragraph (after a blank line, a
 * list item, a block quote or a heading, {@code ---} is a thematic break), and a setext heading
 * starts where its paragraph does.
 */
public final class Sections {

    /**
     * A section: number 0 is the lead (level 0, heading ""). {@code start} and {@code end} are
     * offsets in the page, {@code end} exclusive, subsections included.
     */
    public record Section(int number, int level, String heading, int start, int end) {
    }

    private final String markdown;
    private final List<Section> sections;

    private Sections(String markdown, List<Section> sections) {
        this.markdown = markdown;
        this.sections = sections;
    }

    public static Sections of(String markdown) {
        String text = Objects.requireNonNull(markdown, "markdown");
        List<int[]> found = new ArrayList<>(); // {level, start, headingStart, headingEnd}
        CodeRegions code = CodeRegions.of(text);
        int n = text.length();
        int paragraph = -1;
        boolean underlinable = false;
        for (int pos = 0; pos < n; ) {
            if (code.fenced(pos)) {
                pos = Math.min(code.end(pos) + 1, n);
                paragraph = -1;
                continue;
            }
            int eol = lineEnd(text, pos);
            int first = firstNonSpace(text, pos, eol);
            boolean indented = first - pos > 3 || first < eol && text.charAt(first) == '\t';
            if (isBlank(text, pos, eol)) {
                paragraph = -1;
            } else if (!indented && isAtxHeading(text, pos, eol)) {
                int hashes = first;
                while (hashes < eol && text.charAt(hashes) == '#') {
                    hashes++;
                }
                found.add(new int[] {hashes - first, pos, hashes, withoutClosingHashes(text, hashes, eol)});
                paragraph = -1;
            } else if (!indented && isUnderline(text, pos, eol)) {
                char c = text.charAt(first);
                if (paragraph >= 0 && underlinable) {
                    found.add(new int[] {c == '=' ? 1 : 2, paragraph, paragraph, pos});
                    paragraph = -1;
                } else if (c == '-') {
                    paragraph = -1; // a thematic break (or an empty list item)
                } else if (paragraph < 0) {
                    paragraph = pos;
                    underlinable = true;
                }
            } else if (!indented && isThematicBreak(text, first, eol)) {
                paragraph = -1;
            } else if (!indented && startsContainer(text, first, eol)) {
                // Its paragraph belongs to the list item or quote: no underline makes it a heading.
                paragraph = pos;
                underlinable = false;
            } else if (paragraph < 0 && !indented) {
                paragraph = pos;
                underlinable = true;
            }
            pos = eol + 1;
        }
        return new Sections(text, sections(text, found));
    }

    /** Numbers the headings and ends each section at the next heading of its level or higher. */
    private static List<Section> sections(String text, List<int[]> found) {
        int[] ends = new int[found.size() + 1];
        Deque<Integer> open = new ArrayDeque<>();
        for (int h = 0; h < found.size(); h++) {
            while (!open.isEmpty() && found.get(open.peek())[0] >= found.get(h)[0]) {
                ends[open.pop() + 1] = found.get(h)[1];
            }
            open.push(h);
        }
        while (!open.isEmpty()) {
            ends[open.pop() + 1] = text.length();
        }
        List<Section> all = new ArrayList<>(found.size() + 1);
        all.add(new Section(0, 0, "", 0, found.isEmpty() ? text.length() : found.get(0)[1]));
        for (int h = 0; h < found.size(); h++) {
            int[] f = found.get(h);
            all.add(new Section(h + 1, f[0], headingText(text, f[2], f[3]), f[1], ends[h + 1]));
        }
        return Collections.unmodifiableList(all);
    }

    /** The lead, then one section per heading, in page order. */
    public List<Section> all() {
        return sections;
    }

    /** The number of headings, so sections run from 0 to {@code count()}. */
    public int count() {
        return sections.size() - 1;
    }

    public Optional<Section> get(int number) {
        return number >= 0 && number < sections.size() ? Optional.of(sections.get(number)) : Optional.empty();
    }

    /**
     * The section's text from its heading line to the next heading of the same or a higher level
     * (the lead: to the first heading), without trailing whitespace, as an edit box shows it.
     */
    public String text(int number) {
        Section section = require(number);
        return markdown.substring(section.start(), section.end()).stripTrailing();
    }

    /**
     * The whole page with the section (subsections included) replaced by {@code newText}, which
     * is stripped of trailing whitespace and kept one blank line from the section that follows.
     * An empty {@code newText} deletes the section.
     */
    public String replace(int number, String newText) {
        Section section = require(number);
        String before = markdown.substring(0, section.start());
        String after = markdown.substring(section.end());
        String replacement = Objects.requireNonNull(newText, "newText").stripTrailing();
        if (replacement.isEmpty()) {
            return after.isEmpty() ? before.stripTrailing() : before + after;
        }
        return after.isEmpty() ? before + replacement : before + replacement + "\n\n" + after;
    }

    /** "Add topic": a new level-2 section at the end of the page. */
    public static String appendSection(String markdown, String heading, String body) {
        String title = oneLine(heading);
        String page = markdown.isBlank() ? "" : markdown.stripTrailing() + "\n\n";
        String text = body == null ? "" : body.stripTrailing();
        return page + "## " + title + (text.isBlank() ? "" : "\n\n" + text);
    }

    private Section require(int number) {
        return get(number).orElseThrow(() -> new NoSuchElementException(
                "No section " + number + ": this page has sections 0 to " + count()));
    }

    /** The end of an ATX heading's text once an optional closing run of {@code #} is dropped. */
    private static int withoutClosingHashes(String text, int from, int eol) {
        int end = eol;
        while (end > from && isSpace(text.charAt(end - 1))) {
            end--;
        }
        int hashes = end;
        while (hashes > from && text.charAt(hashes - 1) == '#') {
            hashes--;
        }
        boolean closing = hashes < end && (hashes == from || isSpace(text.charAt(hashes - 1)));
        return closing ? hashes : end;
    }

    /** A heading's text: trimmed, and a setext heading's lines joined by spaces. */
    private static String headingText(String text, int from, int to) {
        return oneLine(text.substring(from, to));
    }

    /** The non-blank lines of {@code text}, each trimmed, joined by spaces (no regex: linear). */
    private static String oneLine(String text) {
        String stripped = text.strip();
        if (stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0) {
            return stripped;
        }
        StringBuilder out = new StringBuilder(stripped.length());
        for (String line : stripped.split("[\r\n]")) {
            if (!line.isBlank()) {
                out.append(out.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        return out.toString();
    }

    /** The id the heading gets in the rendered page, for linking to a section just saved. */
    public static String headingId(String heading) {
        return WikiLinkTarget.headingId(heading);
    }
}
