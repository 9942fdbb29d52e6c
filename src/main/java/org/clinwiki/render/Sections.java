package org.clinwiki.render;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A page's sections as MediaWiki numbers them: 0 is the text before the first heading, then
 * one per heading (ATX {@code ## Heading} or a setext underline), in order, headings in code
 * not counted. A section runs from its heading to the next heading of the same or a higher
 * level, so it includes its subsections. One pass over the lines.
 */
public final class Sections {

    /**
     * @param number  0 for the lead, else the heading's position
     * @param level   1-6, 0 for the lead
     * @param heading the heading as written, without its markers
     * @param start   offset of the heading's first line (0 for the lead)
     * @param end     offset where the section ends (exclusive)
     */
    public record Section(int number, int level, String heading, int start, int end) {
    }

    private final String text;
    private final List<Section> all;

    private Sections(String text, List<Section> all) {
        this.text = text;
        this.all = all;
    }

    public static Sections of(String markdown) {
        record Found(int level, String heading, int start) {
        }
        CodeRegions code = CodeRegions.of(markdown);
        List<Found> headings = new ArrayList<>();
        int previousStart = -1;
        boolean previousIsText = false;
        int lineStart = 0;
        while (lineStart < markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? markdown.length() : lineEnd;
            String line = markdown.substring(lineStart, lineEnd);
            boolean inCode = code.contains(lineStart);
            int atx = inCode ? 0 : atxLevel(line);
            int setext = inCode || !previousIsText ? 0 : setextLevel(line);
            if (atx > 0) {
                headings.add(new Found(atx, atxText(line, atx), lineStart));
                previousIsText = false;
            } else if (setext > 0) {
                headings.add(new Found(setext, markdown.substring(previousStart, lineStart).strip(), previousStart));
                previousIsText = false;
            } else {
                previousIsText = !inCode && !line.isBlank() && !startsBlock(line.strip());
                previousStart = lineStart;
            }
            lineStart = lineEnd + 1;
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(0, 0, "", 0, headings.isEmpty() ? markdown.length() : headings.getFirst().start()));
        for (int i = 0; i < headings.size(); i++) {
            Found heading = headings.get(i);
            int end = markdown.length();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= heading.level()) {
                    end = headings.get(j).start();
                    break;
                }
            }
            sections.add(new Section(i + 1, heading.level(), heading.heading(), heading.start(), end));
        }
        return new Sections(markdown, List.copyOf(sections));
    }

    /** The lead, then one section per heading. */
    public List<Section> all() {
        return all;
    }

    /** How many headings the page has. */
    public int count() {
        return all.size() - 1;
    }

    public Optional<Section> get(int number) {
        return number >= 0 && number < all.size() ? Optional.of(all.get(number)) : Optional.empty();
    }

    /** The text of a section, its subsections included. */
    public String text(int number) {
        Section section = require(number);
        return text.substring(section.start(), section.end()).stripTrailing();
    }

    /** The page's whole text with one section's text replaced, the rest kept byte for byte. */
    public String replace(int number, String replacement) {
        Section section = require(number);
        String before = text.substring(0, section.start());
        String after = text.substring(section.end());
        String middle = replacement.stripTrailing();
        if (!after.isEmpty()) {
            middle = middle.isEmpty() ? middle : middle + "\n\n";
        }
        return before + middle + after;
    }

    /** "Add topic": the page with a new level-2 section at its end. */
    public static String appendSection(String markdown, String heading, String body) {
        String page = markdown.stripTrailing();
        String section = "## " + heading.replaceAll("\\s+", " ").strip() + "\n\n" + body.strip();
        return page.isEmpty() ? section : page + "\n\n" + section;
    }

    /** The id the heading gets in the rendered page, for linking to a section just saved. */
    public static String headingId(String heading) {
        return WikiLinkTarget.headingId(heading);
    }

    private Section require(int number) {
        return get(number).orElseThrow(() -> new NoSuchElementException("The page has no section " + number + "."));
    }

    private static int atxLevel(String line) {
        int indent = 0;
        while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3) {
            return 0;
        }
        int level = 0;
        while (indent + level < line.length() && line.charAt(indent + level) == '#') {
            level++;
        }
        boolean ends = indent + level == line.length() || line.charAt(indent + level) == ' ' || line.charAt(indent + level) == '\t';
        return level >= 1 && level <= 6 && ends ? level : 0;
    }

    private static String atxText(String line, int level) {
        String text = line.strip().substring(level).strip();
        int closing = text.length();
        while (closing > 0 && text.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing == 0 || text.charAt(closing - 1) == ' ') {
            text = text.substring(0, closing);
        }
        return text.strip();
    }

    private static int setextLevel(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || line.length() - line.stripLeading().length() > 3) {
            return 0;
        }
        if (stripped.chars().allMatch(c -> c == '=')) {
            return 1;
        }
        return stripped.chars().allMatch(c -> c == '-') ? 2 : 0;
    }

    /** Lines that are not paragraph text, so a {@code ---} under them is a rule, not an underline. */
    private static boolean startsBlock(String line) {
        char c = line.charAt(0);
        return c == '-' || c == '*' || c == '+' || c == '>' || c == '|' || Character.isDigit(c) && line.matches("\\d{1,9}[.)](\\s.*)?");
    }
}
