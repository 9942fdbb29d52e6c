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
}
