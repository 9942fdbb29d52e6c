package org.clinwiki.page;

import java.util.NoSuchElementException;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.render.Sections;

/**
 * Which part of a page an edit replaces: all of it, one section (numbered as MediaWiki numbers
 * them: 0 is the text before the first heading), or a new section appended ("Add topic"). A
 * part is put back into the revision the edit was based on, and the result saved as a
 * whole-page edit from that revision: the same merge and conflict rules apply.
 */
public record EditedPart(Kind kind, int section, String heading) {

    public enum Kind { WHOLE_PAGE, SECTION, NEW_SECTION }

    public static final EditedPart WHOLE_PAGE = new EditedPart(Kind.WHOLE_PAGE, 0, "");

    public static EditedPart section(int number) {
        if (number < 0) {
            throw new InvalidInputException("invalid_section", "A section is a number from 0, or \"new\".");
        }
        return new EditedPart(Kind.SECTION, number, "");
    }

    public static EditedPart newSection(String heading) {
        String line = heading == null ? "" : heading.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            throw new InvalidInputException("missing_section_title", "A new section needs a title (sectionTitle).");
        }
        return new EditedPart(Kind.NEW_SECTION, 0, line);
    }

    /**
     * Reads the API's {@code section} and {@code sectionTitle}: absent for the whole page, a
     * number, or {@code "new"} with a title.
     */
    public static EditedPart of(String section, String sectionTitle) {
        if (section == null || section.isBlank()) {
            return WHOLE_PAGE;
        }
        if (section.strip().equals("new")) {
            return newSection(sectionTitle);
        }
        try {
            return section(Integer.parseInt(section.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_section", "A section is a number from 0, or \"new\".");
        }
    }

    /** The whole page's text: {@code base} with this part replaced by (or, for a new section, given) {@code text}. */
    String applyTo(String base, String text) {
        return switch (kind) {
            case WHOLE_PAGE -> text;
            case NEW_SECTION -> Sections.appendSection(base, heading, text);
            case SECTION -> {
                try {
                    yield Sections.of(base).replace(section, text);
                } catch (NoSuchElementException e) {
                    throw new InvalidInputException("invalid_section", "The page has no section " + section + ".");
                }
            }
        };
    }

    /** The summary an edit of this part gets when the editor wrote none, as MediaWiki writes it. */
    String defaultSummary(String base) {
        return switch (kind) {
            case WHOLE_PAGE -> "";
            case NEW_SECTION -> "/* " + heading + " */ new section";
            case SECTION -> Sections.of(base).get(section).filter(s -> !s.heading().isEmpty())
                    .map(s -> "/* " + s.heading() + " */ ").orElse("");
        };
    }
}
