package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class ThreeWayMergePropertiesTest {

    @Property(tries = 300)
    void editsToSeparateLinesBothSurvive(@ForAll("separateEdits") SeparateEdits edits) {
        assertThat(ThreeWayMerge.merge(edits.base(), edits.theirs(), edits.mine())).contains(edits.both());
    }

    @Property(tries = 300)
    void onAShoestringTheyBothSurviveOrClashButNeverMergeWrongly(@ForAll("separateEdits") SeparateEdits edits,
            @ForAll @IntRange(max = 2_000) int budget) {
        Optional<String> merged = ThreeWayMerge.merge(edits.base(), edits.theirs(), edits.mine(),
                new DiffBudget(budget), new DiffBudget(budget));

        merged.ifPresent(text -> assertThat(text).isEqualTo(edits.both()));
    }

    @Property(tries = 300)
    void bothSidesMakingTheSameEditGiveIt(@ForAll("scenarios") Scenario scenario, @ForAll @IntRange(max = 2_000) int budget) {
        String base = scenario.oldText();
        String edited = scenario.editedText();

        assertThat(ThreeWayMerge.merge(base, edited, edited)).contains(edited);
        assertThat(ThreeWayMerge.merge(base, edited, edited, new DiffBudget(budget), new DiffBudget(budget))).contains(edited);
    }

    @Property(tries = 300)
    void aSideThatChangedNothingTakesTheOther(@ForAll("scenarios") Scenario scenario, @ForAll @IntRange(max = 2_000) int budget) {
        String base = scenario.oldText();
        String edited = scenario.editedText();

        assertThat(ThreeWayMerge.merge(base, base, edited)).contains(edited);
        assertThat(ThreeWayMerge.merge(base, edited, base)).contains(edited);
        assertThat(ThreeWayMerge.merge(base, base, edited, new DiffBudget(budget), new DiffBudget(budget))).contains(edited);
        assertThat(ThreeWayMerge.merge(base, edited, base, new DiffBudget(budget), new DiffBudget(budget))).contains(edited);
    }

    @Property(tries = 500)
    void anyTextsCanBeMerged(@ForAll("rawTexts") String base, @ForAll("rawTexts") String theirs, @ForAll("rawTexts") String mine) {
        Optional<String> merged = ThreeWayMerge.merge(base, theirs, mine);

        if (theirs.equals(base) || mine.equals(base) || theirs.equals(mine)) {
            assertThat(merged).contains(theirs.equals(base) ? mine : theirs);
        }
    }

    @Provide
    Arbitrary<SeparateEdits> separateEdits() {
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 300)), Tuple.of(1, Arbitraries.integers().between(1_000, 20_000))),
                Arbitraries.longs()).as(SeparateEdits::of);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.any();
    }

    @Provide
    Arbitrary<String> rawTexts() {
        return Arbitraries.strings().withChars('a', 'b', ' ', '\n').ofMaxLength(12);
    }

    /**
     * A base of distinct lines and two edits of it that touch separate lines, with at least one
     * untouched line between any two changes: there is only one right merge.
     */
    record SeparateEdits(String base, String theirs, String mine, String both) {

        static SeparateEdits of(int size, long seed) {
            Random random = new Random(seed);
            List<String> base = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                base.add("line " + i);
            }
            List<Change> theirs = new ArrayList<>();
            List<Change> mine = new ArrayList<>();
            int at = random.nextInt(3);
            for (int n = 0; at <= size; n++) {
                int end = Math.min(size, at + random.nextInt(4));
                List<String> lines = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0 || lines.isEmpty() && end == at; k--) {
                    lines.add("change " + n + "." + k);
                }
                (random.nextBoolean() ? theirs : mine).add(new Change(at, end, lines));
                at = end + 1 + random.nextInt(size / 4 + 3);
            }
            List<Change> all = new ArrayList<>(theirs);
            all.addAll(mine);
            all.sort(java.util.Comparator.comparingInt(Change::start));
            return new SeparateEdits(String.join("\n", base), apply(base, theirs), apply(base, mine), apply(base, all));
        }

        private static String apply(List<String> base, List<Change> changes) {
            List<String> out = new ArrayList<>();
            int at = 0;
            for (Change change : changes) {
                out.addAll(base.subList(at, change.start()));
                out.addAll(change.lines());
                at = change.end();
            }
            out.addAll(base.subList(at, base.size()));
            return String.join("\n", out);
        }

        @Override
        public String toString() {
            return base.length() + theirs.length() + mine.length() < 2_000
                    ? "base:\n" + base + "\ntheirs:\n" + theirs + "\nmine:\n" + mine
                    : "edits of a base of " + base.length() + " characters";
        }
    }

    /** Base lines [start, end) replaced by {@code lines}. */
    record Change(int start, int end, List<String> lines) {
    }
}
