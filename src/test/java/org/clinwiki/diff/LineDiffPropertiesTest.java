package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class LineDiffPropertiesTest {

    @Property(tries = 300)
    void theRowsShownTurnTheOldTextIntoTheNewOne(@ForAll("scenarios") Scenario scenario) {
        String oldText = scenario.oldText();
        String newText = scenario.editedText();

        TextDiff diff = LineDiff.compare(oldText, newText);

        assertReplays(oldText, newText, diff);
    }

    @Property(tries = 300)
    void evenOnAShoestringTheRowsShownAreRight(@ForAll("scenarios") Scenario scenario, @ForAll @IntRange(max = 5_000) int budget) {
        String oldText = scenario.oldText();
        String newText = scenario.editedText();

        TextDiff diff = LineDiff.compare(oldText, newText, new DiffBudget(budget));

        assertReplays(oldText, newText, diff);
    }

    @Property(tries = 500)
    void anyTextsCanBeCompared(@ForAll("rawTexts") String oldText, @ForAll("rawTexts") String newText) {
        assertReplays(oldText, newText, LineDiff.compare(oldText, newText));
    }

    @Property(tries = 300)
    void smallEditsOfOrdinaryPagesAreComparedFinely(@ForAll("ordinaryPages") List<String> page, @ForAll long seed) {
        List<String> edited = new ArrayList<>(page);
        Random random = new Random(seed);
        for (int i = 0; i < 3; i++) {
            edited.add(random.nextInt(edited.size() + 1), "A line added " + i + ".");
            int changed = random.nextInt(edited.size());
            edited.set(changed, edited.get(changed).replace("the", "a"));
            edited.remove(random.nextInt(edited.size()));
        }

        TextDiff diff = LineDiff.compare(String.join("\n", page), String.join("\n", edited));

        assertThat(diff.simplified()).isFalse();
        assertThat(diff.truncated()).isFalse();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.any();
    }

    /** Short texts from a few characters that matter: newlines, spaces, words, a character outside the BMP. */
    @Provide
    Arbitrary<String> rawTexts() {
        return Arbitraries.strings().withChars('a', 'b', ' ', '\n', '\r', '\t', '.', 'é').withChars("😀").ofMaxLength(80);
    }

    /** Pages of paragraphs, headings, list items and blank lines, a few hundred lines at most. */
    @Provide
    Arbitrary<List<String>> ordinaryPages() {
        Arbitrary<String> sentence = Arbitraries.of("the", "order", "alert", "dose", "fatigue", "CPOE", "reduces", "errors", "in", "care")
                .list().ofMinSize(3).ofMaxSize(40).map(words -> String.join(" ", words) + ".");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(6, sentence),
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("== Benefits ==", "== Risks ==", "== See also ==")),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 20), sentence).as((n, s) -> "* item " + n + ": " + s)));
        return line.list().ofMaxSize(300);
    }

    /**
     * Checks the diff against the texts: row by row, every line shown has its number and text on
     * its side, and going through the rows (copying the lines between hunks, which must be
     * unchanged) turns the old text into the new one. When truncated, only what is shown is
     * checked, and it must be about {@value LineDiff#MAX_ROWS} rows.
     */
    static void assertReplays(String oldText, String newText, TextDiff diff) {
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        List<String> out = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        int rows = 0;
        int added = 0;
        int removed = 0;
        for (DiffHunk hunk : diff.hunks()) {
            assertThat(hunk.rows()).anyMatch(row -> row.kind() != DiffRow.Kind.CONTEXT);
            assertThat(hunk.oldStart()).isEqualTo(firstLine(hunk, DiffRow::oldSide));
            assertThat(hunk.newStart()).isEqualTo(firstLine(hunk, DiffRow::newSide));
            // Lines between hunks are unchanged: as many on both sides, and the same.
            DiffRow first = hunk.rows().getFirst();
            int gap = first.oldSide().isPresent() ? first.oldSide().get().line() - 1 - oldAt : first.newSide().get().line() - 1 - newAt;
            assertThat(gap).as("lines before the hunk at old line %d", hunk.oldStart()).isNotNegative();
            for (int k = 0; k < gap; k++) {
                assertThat(oldLines.get(oldAt)).isEqualTo(newLines.get(newAt));
                out.add(oldLines.get(oldAt++));
                newAt++;
            }
            for (DiffRow row : hunk.rows()) {
                rows++;
                if (row.oldSide().isPresent()) {
                    assertThat(row.oldSide().get().line()).isEqualTo(oldAt + 1);
                    assertThat(row.oldSide().get().text()).isEqualTo(oldLines.get(oldAt));
                    oldAt++;
                }
                if (row.newSide().isPresent()) {
                    assertThat(row.newSide().get().line()).isEqualTo(newAt + 1);
                    assertThat(row.newSide().get().text()).isEqualTo(newLines.get(newAt));
                    out.add(newLines.get(newAt));
                    newAt++;
                }
                switch (row.kind()) {
                    case CONTEXT -> {
                        assertThat(row.oldSide()).isPresent();
                        assertThat(row.newSide().orElseThrow().text()).isEqualTo(row.oldSide().orElseThrow().text());
                    }
                    case CHANGE -> {
                        assertThat(row.oldSide()).isPresent();
                        assertThat(row.newSide()).isPresent();
                        added++;
                        removed++;
                    }
                    case DELETE -> {
                        assertThat(row.oldSide()).isPresent();
                        assertThat(row.newSide()).isEmpty();
                        removed++;
                    }
                    case INSERT -> {
                        assertThat(row.oldSide()).isEmpty();
                        assertThat(row.newSide()).isPresent();
                        added++;
                    }
                }
            }
        }
        assertThat(rows).isLessThanOrEqualTo(LineDiff.MAX_ROWS);
        if (diff.truncated()) {
            // Full, but for a hunk's leading context it had no room to follow with a change.
            assertThat(rows).isGreaterThan(LineDiff.MAX_ROWS - 1 - LineDiff.CONTEXT);
            assertThat(diff.linesAdded()).isGreaterThanOrEqualTo(added);
            assertThat(diff.linesRemoved()).isGreaterThanOrEqualTo(removed);
            return;
        }
        assertThat(oldLines.size() - oldAt).isEqualTo(newLines.size() - newAt);
        while (oldAt < oldLines.size()) {
            assertThat(oldLines.get(oldAt)).isEqualTo(newLines.get(newAt++));
            out.add(oldLines.get(oldAt++));
        }
        assertThat(out).isEqualTo(newLines);
        assertThat(diff.linesAdded()).isEqualTo(added);
        assertThat(diff.linesRemoved()).isEqualTo(removed);
        assertThat(diff.isEmpty()).isEqualTo(oldText.equals(newText));
    }

    private static int firstLine(DiffHunk hunk, Function<DiffRow, Optional<DiffSide>> side) {
        return hunk.rows().stream().map(side).flatMap(Optional::stream).findFirst().map(DiffSide::line).orElse(0);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
