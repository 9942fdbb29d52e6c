package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.NoSuchElementException;
import org.clinwiki.render.Sections.Section;
import org.junit.jupiter.api.Test;

class SectionsTest {

    private static final String PAGE = """
            Lead paragraph.

            ## History

            Old times.

            ### Early

            Very old.

            ## Usage

            Now.""";

    @Test
    void leadThenOneSectionPerHeadingInOrder() {
        Sections sections = Sections.of(PAGE);
        assertThat(sections.count()).isEqualTo(3);
        assertThat(sections.all()).extracting(Section::number, Section::level, Section::heading).containsExactly(
                tuple(0, 0, ""),
                tuple(1, 2, "History"),
                tuple(2, 3, "Early"),
                tuple(3, 2, "Usage"));
    }

    @Test
    void sectionTextRunsFromItsHeadingToTheNextOfTheSameOrHigherLevel() {
        Sections sections = Sections.of(PAGE);
        assertThat(sections.text(0)).isEqualTo("Lead paragraph.");
        assertThat(sections.text(1)).isEqualTo("## History\n\nOld times.\n\n### Early\n\nVery old.");
        assertThat(sections.text(2)).isEqualTo("### Early\n\nVery old.");
        assertThat(sections.text(3)).isEqualTo("## Usage\n\nNow.");
    }

    @Test
    void offsetsIncludeSubsectionsAndTheBlankLinesBeforeTheNextSection() {
        Section history = Sections.of(PAGE).get(1).orElseThrow();
        assertThat(history.start()).isEqualTo(PAGE.indexOf("## History"));
        assertThat(history.end()).isEqualTo(PAGE.indexOf("## Usage"));
    }

    @Test
    void pageWithoutHeadingsIsAllLead() {
        assertThat(Sections.of("Just text.\n#hashtag").all()).containsExactly(new Section(0, 0, "", 0, 19));
        assertThat(Sections.of("").all()).containsExactly(new Section(0, 0, "", 0, 0));
        assertThat(Sections.of("").count()).isZero();
    }

    @Test
    void leadIsEmptyWhenThePageStartsWithAHeading() {
        Sections sections = Sections.of("# Title\ntext");
        assertThat(sections.all().get(0)).isEqualTo(new Section(0, 0, "", 0, 0));
        assertThat(sections.text(0)).isEmpty();
    }

    @Test
    void atxHeadingsNeedASpaceLoseClosingHashesAndAreTrimmed() {
        Sections sections = Sections.of(
                "#Not\n   ####   Spaced   ##  \n####### seven\n    # indented\n# C#\n#\n## Escaped \\#");
        assertThat(sections.all()).extracting(Section::heading).containsExactly("", "Spaced", "C#", "", "Escaped \\#");
        assertThat(sections.all()).extracting(Section::level).containsExactly(0, 4, 1, 1, 2);
    }

    @Test
    void setextHeadingsUnderlineTheParagraphAboveThem() {
        Sections sections = Sections.of("Lead\n\nTitle\n=====\n\nBody\n\nPart *one*\n---\ntext");
        assertThat(sections.all()).extracting(Section::level, Section::heading).containsExactly(
                tuple(0, ""),
                tuple(1, "Title"),
                tuple(2, "Part *one*"));
        assertThat(sections.text(2)).isEqualTo("Part *one*\n---\ntext");
    }

    @Test
    void multiLineSetextHeadingStartsWithItsParagraph() {
        Sections sections = Sections.of("Lead\n\nA long\n  title\n===\nbody");
        assertThat(sections.get(1)).get().extracting(Section::heading, Section::start)
                .containsExactly("A long title", 6);
    }

    @Test
    void dashesAfterABlankLineAListItemOrAHeadingAreAThematicBreak() {
        String page = "Text\n\n---\n\n- item\n---\n# H\n---\n> quote\n---\n***\n---\n    code\n---\n-\n---";
        assertThat(Sections.of(page).all()).extracting(Section::heading).containsExactly("", "H");
    }

    @Test
    void headingsInFencedCodeDoNotCount() {
        String page = "Intro\n\n```markdown\n## Not a heading\nNor\n===\n```\n\n## Real\n\n~~~ text\n# Neither\n";
        Sections sections = Sections.of(page);
        assertThat(sections.all()).extracting(Section::heading).containsExactly("", "Real");
        assertThat(sections.text(1)).isEqualTo("## Real\n\n~~~ text\n# Neither");
    }

    @Test
    void headingAfterATalkPageSignatureLineCounts() {
        String page = "Question?\n~~~~\n\n## Answer\nYes. ~~~~";
        assertThat(Sections.of(page).all()).extracting(Section::heading).containsExactly("", "Answer");
    }

    @Test
    void replacingTheMiddleSectionKeepsTheOthersByteForByte() {
        String page = "Lead.\n\n## One\n\nfirst\n\n## Two\n\nsecond   \n\n\n## Three\n\nthird\n";
        String replaced = Sections.of(page).replace(2, "## Two\n\nnew second\n\n\n");
        assertThat(replaced).isEqualTo("Lead.\n\n## One\n\nfirst\n\n## Two\n\nnew second\n\n## Three\n\nthird\n");
    }

    @Test
    void replacingTheLeadKeepsTheSections() {
        String page = "Old lead.\n## One\nfirst";
        assertThat(Sections.of(page).replace(0, "New lead.\n")).isEqualTo("New lead.\n\n## One\nfirst");
    }

    @Test
    void replacingASectionReplacesItsSubsections() {
        String replaced = Sections.of(PAGE).replace(1, "## History\n\nRewritten.");
        assertThat(replaced).isEqualTo("Lead paragraph.\n\n## History\n\nRewritten.\n\n## Usage\n\nNow.");
    }

    @Test
    void replacingTheLastSectionAddsNothingAtTheEnd() {
        assertThat(Sections.of(PAGE).replace(3, "## Usage\n\nLater.\n\n")).endsWith("## Usage\n\nLater.");
    }

    @Test
    void replacingWithTheSectionsOwnTextGivesThePageBack() {
        Sections sections = Sections.of(PAGE);
        for (int number = 0; number <= sections.count(); number++) {
            assertThat(sections.replace(number, sections.text(number))).isEqualTo(PAGE);
        }
    }

    @Test
    void replacingWithNothingDeletesTheSection() {
        Sections sections = Sections.of(PAGE);
        assertThat(sections.replace(2, "")).isEqualTo(PAGE.replace("### Early\n\nVery old.\n\n", ""));
        assertThat(sections.replace(3, " \n")).isEqualTo(PAGE.substring(0, PAGE.indexOf("\n\n## Usage")));
        assertThat(sections.replace(0, "")).isEqualTo(PAGE.substring(PAGE.indexOf("## History")));
    }

    @Test
    void unknownSectionIsEmptyOrNoSuchElement() {
        Sections sections = Sections.of(PAGE);
        assertThat(sections.get(4)).isEmpty();
        assertThat(sections.get(-1)).isEmpty();
        assertThatThrownBy(() -> sections.text(4)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("No section 4");
        assertThatThrownBy(() -> sections.replace(-1, "x")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void appendSectionAddsALevelTwoTopicAfterOneBlankLine() {
        assertThat(Sections.appendSection("Existing talk.\n", "New  topic", "What about this? ~~~~"))
                .isEqualTo("Existing talk.\n\n## New  topic\n\nWhat about this? ~~~~");
    }

    @Test
    void appendSectionToAnEmptyPageHasNoLeadingBlankLines() {
        assertThat(Sections.appendSection(" \n", "First", "Body")).isEqualTo("## First\n\nBody");
        assertThat(Sections.appendSection("", "First", "")).isEqualTo("## First");
    }

    @Test
    void appendSectionMakesTheHeadingOneLine() {
        String page = Sections.appendSection("x", " Two\r\nlines \n", "b");
        assertThat(page).isEqualTo("x\n\n## Two lines\n\nb");
        assertThat(Sections.of(page).get(1)).get().extracting(Section::heading).isEqualTo("Two lines");
    }

    @Test
    void fiftyThousandHeadingsAreFoundInOnePass() {
        StringBuilder page = new StringBuilder("# Top\n");
        for (int i = 0; i < 50_000; i++) {
            page.append("## H").append(i).append("\n###### deep\ntext\n");
        }
        Sections sections = Sections.of(page.toString());
        assertThat(sections.count()).isEqualTo(100_001);
        assertThat(sections.get(1)).get().extracting(Section::end).isEqualTo(page.length());
        assertThat(sections.text(100_001)).isEqualTo("###### deep\ntext");
        assertThat(sections.replace(100_000, "## Last")).endsWith("\n## Last");
    }

    @Test
    void hostileLongLinesStayLinear() {
        String spaces = " ".repeat(1 << 20);
        Sections sections = Sections.of("a" + spaces + "b\nc" + spaces + "\n===");
        assertThat(sections.get(1)).get().extracting(Section::heading).isEqualTo("a" + spaces + "b c");
        assertThat(Sections.of("#".repeat(1 << 20)).count()).isZero();
        assertThat(Sections.of("-\n".repeat(1 << 19)).count()).isZero();
    }
}
