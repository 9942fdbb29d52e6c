package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void identicalTextsHaveNoHunks() {
        TextDiff diff = LineDiff.compare("a\nb", "a\nb");
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.linesAdded()).isZero();
    }

    @Test
    void changedLineMarksOnlyTheChangedWords() {
        TextDiff diff = LineDiff.compare("CPOE reduces medication errors.", "CPOE reduces prescribing errors.");
        DiffRow row = diff.hunks().getFirst().rows().getFirst();
        assertThat(row.kind()).isEqualTo(DiffRow.Kind.CHANGE);
        assertThat(row.oldSide().orElseThrow().segments()).containsExactly(
                new Segment("CPOE reduces ", false), new Segment("medication", true), new Segment(" errors.", false));
        assertThat(row.newSide().orElseThrow().segments()).containsExactly(
                new Segment("CPOE reduces ", false), new Segment("prescribing", true), new Segment(" errors.", false));
    }

    @Test
    void completelyDifferentLinesAreMarkedWhole() {
        DiffRow row = LineDiff.compare("alpha beta gamma", "one two three").hunks().getFirst().rows().getFirst();
        assertThat(row.oldSide().orElseThrow().segments()).containsExactly(new Segment("alpha beta gamma", true));
    }

    @Test
    void addedAndRemovedLinesAreCountedAndNumbered() {
        TextDiff diff = LineDiff.compare("a\nb\nc", "a\nc\nd\ne");
        assertThat(diff.linesRemoved()).isEqualTo(1);
        assertThat(diff.linesAdded()).isEqualTo(2);
        List<DiffRow> rows = diff.hunks().getFirst().rows();
        assertThat(rows).extracting(DiffRow::kind).containsExactly(
                DiffRow.Kind.CONTEXT, DiffRow.Kind.DELETE, DiffRow.Kind.CONTEXT, DiffRow.Kind.INSERT, DiffRow.Kind.INSERT);
        assertThat(rows.get(1).oldSide().orElseThrow().line()).isEqualTo(2);
        assertThat(rows.get(4).newSide().orElseThrow().line()).isEqualTo(4);
    }

    @Test
    void distantChangesFormSeparateHunksWithContext() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("line ").append(i).append('\n');
        }
        String before = text.toString();
        String after = before.replace("line 5\n", "line five\n").replace("line 30\n", "line thirty\n");
        TextDiff diff = LineDiff.compare(before, after);
        assertThat(diff.hunks()).hasSize(2);
        assertThat(diff.hunks().get(0).oldStart()).isEqualTo(2);
        assertThat(diff.hunks().get(0).rows()).hasSize(7);
        assertThat(diff.hunks().get(1).oldStart()).isEqualTo(27);
    }

    @Test
    void nearbyChangesShareOneHunk() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10";
        String after = "1\nX\n3\n4\n5\n6\n7\nY\n9\n10";
        assertThat(LineDiff.compare(before, after).hunks()).hasSize(1);
    }

    @Test
    void diffFromEmptyTextIsAllInsertions() {
        TextDiff diff = LineDiff.compare("", "a\nb");
        assertThat(diff.linesAdded()).isEqualTo(2);
        assertThat(diff.hunks().getFirst().rows()).allMatch(row -> row.kind() == DiffRow.Kind.INSERT);
    }

    @Test
    void aLongDiffShowsItsFirstRowsAndCountsThemAll() {
        String added = "new line\n".repeat(LineDiff.MAX_ROWS + 1_000);
        TextDiff diff = LineDiff.compare("first\n", "first\n" + added);
        assertThat(diff.truncated()).isTrue();
        assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.rows()).hasSize(LineDiff.MAX_ROWS));
        assertThat(diff.linesAdded()).isEqualTo(LineDiff.MAX_ROWS + 1_000);
        assertThat(diff.simplified()).isFalse();
    }

    @Test
    void manySmallHunksStopAtTheRowLimitBetweenHunks() {
        StringBuilder before = new StringBuilder("\n\n\n");
        StringBuilder after = new StringBuilder("\n\n\n");
        for (int i = 0; i < 2_000; i++) {
            before.append("same ").append(i).append("\nold ").append(i).append("\n\n\n\n\n\n\n");
            after.append("same ").append(i).append("\nnew ").append(i).append("\n\n\n\n\n\n\n");
        }
        TextDiff diff = LineDiff.compare(before.toString(), after.toString());
        assertThat(diff.truncated()).isTrue();
        assertThat(diff.linesRemoved()).isEqualTo(2_000);
        // Each hunk: three lines before, the change, three after; no hunk is cut short.
        assertThat(diff.hunks()).hasSize(LineDiff.MAX_ROWS / 7).allSatisfy(hunk -> assertThat(hunk.rows()).hasSize(7));
    }

    @Test
    void ordinaryEditsAreNeitherSimplifiedNorTruncated() {
        TextDiff diff = LineDiff.compare("CPOE reduces medication errors.\n\nIt has risks.", "CPOE reduces prescribing errors.\n\nIt has some risks.\nSee also.");
        assertThat(diff.simplified()).isFalse();
        assertThat(diff.truncated()).isFalse();
    }
}
