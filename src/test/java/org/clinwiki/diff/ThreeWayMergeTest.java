package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    private static final String BASE = """
            # CPOE
            Intro line.

            Benefits paragraph.

            Risks paragraph.

            See also.""";

    @Test
    void editsToDifferentParagraphsMerge() {
        String theirs = BASE.replace("Intro line.", "Intro line, improved.");
        String mine = BASE.replace("Risks paragraph.", "Risks paragraph with alert fatigue.");
        assertThat(ThreeWayMerge.merge(BASE, theirs, mine)).contains(
                BASE.replace("Intro line.", "Intro line, improved.").replace("Risks paragraph.", "Risks paragraph with alert fatigue."));
    }

    @Test
    void editsToTheSameLineClash() {
        String theirs = BASE.replace("Benefits paragraph.", "Benefits: fewer errors.");
        String mine = BASE.replace("Benefits paragraph.", "Benefits: faster orders.");
        assertThat(ThreeWayMerge.merge(BASE, theirs, mine)).isEmpty();
    }

    @Test
    void identicalEditsOnBothSidesMerge() {
        String both = BASE.replace("Benefits paragraph.", "Benefits: fewer errors.");
        assertThat(ThreeWayMerge.merge(BASE, both, both)).contains(both);
        String theirs = both.replace("See also.", "See also: CDS.");
        assertThat(ThreeWayMerge.merge(BASE, theirs, both)).contains(theirs);
    }

    @Test
    void insertionsAtTheSamePlaceClashUnlessEqual() {
        String theirs = BASE.replace("See also.", "New A.\nSee also.");
        String mine = BASE.replace("See also.", "New B.\nSee also.");
        assertThat(ThreeWayMerge.merge(BASE, theirs, mine)).isEmpty();
        assertThat(ThreeWayMerge.merge(BASE, theirs, theirs)).contains(theirs);
    }

    @Test
    void insertionNextToAnotherSidesChangeMerges() {
        String theirs = BASE.replace("Risks paragraph.", "Risks, rewritten.");
        String mine = BASE.replace("Risks paragraph.", "Risks paragraph.\nA new line after risks.");
        assertThat(ThreeWayMerge.merge(BASE, theirs, mine))
                .contains(BASE.replace("Risks paragraph.", "Risks, rewritten.\nA new line after risks."));
    }

    @Test
    void deletionAgainstAnEditInsideItClashes() {
        String theirs = BASE.replace("Benefits paragraph.\n\nRisks paragraph.\n", "");
        String mine = BASE.replace("Risks paragraph.", "Risks, edited.");
        assertThat(ThreeWayMerge.merge(BASE, theirs, mine)).isEmpty();
    }

    @Test
    void appendsAtTheEndFromBothSidesClash() {
        assertThat(ThreeWayMerge.merge("a", "a\nb", "a\nc")).isEmpty();
    }

    @Test
    void oneSideUnchangedTakesTheOther() {
        String mine = BASE + "\nMore.";
        assertThat(ThreeWayMerge.merge(BASE, BASE, mine)).contains(mine);
        assertThat(ThreeWayMerge.merge(BASE, mine, BASE)).contains(mine);
    }

    @Test
    void mergingIntoAnEmptyBaseWorksWhenOnlyOneSideWrote() {
        assertThat(ThreeWayMerge.merge("", "", "new text")).contains("new text");
    }

    @Test
    void manyScatteredEditsMerge() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            base.append("line ").append(i).append('\n');
        }
        String text = base.toString().strip();
        String theirs = text.replace("line 3\n", "line three\n").replace("line 30\n", "line thirty\n");
        String mine = text.replace("line 10\n", "line ten\n").replace("line 49", "line 49\nline 50");
        String merged = ThreeWayMerge.merge(text, theirs, mine).orElseThrow();
        assertThat(merged).contains("line three\n", "line thirty\n", "line ten\n", "line 50").doesNotContain("line 3\n");
    }
}
