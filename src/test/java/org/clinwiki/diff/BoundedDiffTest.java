package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BoundedDiffTest {

    enum Budget { NONE, TINY, PROPORTIONAL }

    @Property(tries = 400)
    void theEditScriptTurnsOldIntoNewWhateverTheBudget(@ForAll("scenarios") Scenario scenario, @ForAll Budget kind,
            @ForAll @IntRange(max = 2_000) int tiny) {
        DiffBudget budget = switch (kind) {
            case NONE -> new DiffBudget(0);
            case TINY -> new DiffBudget(tiny);
            case PROPORTIONAL -> proportional(scenario.old(), scenario.edited());
        };
        EditScript script = BoundedDiff.diff(scenario.old(), scenario.edited(), scenario.symbols(), budget);

        assertThat(replay(scenario.old(), scenario.edited(), script)).isEqualTo(scenario.edited());
        assertThat(budget.spent()).isLessThanOrEqualTo(budget.limit());
    }

    @Property(tries = 300)
    void smallSequencesAreComparedFinely(@ForAll("small") Scenario scenario) {
        EditScript script = BoundedDiff.diff(scenario.old(), scenario.edited(), scenario.symbols(),
                proportional(scenario.old(), scenario.edited()));

        assertThat(script.simplified()).isFalse();
    }

    @Property(tries = 200)
    void identicalSequencesHaveNoEditsEvenWithNoBudget(@ForAll("scenarios") Scenario scenario) {
        EditScript script = BoundedDiff.diff(scenario.old(), scenario.old().clone(), scenario.symbols(), new DiffBudget(0));

        assertThat(script.edits()).isEmpty();
        assertThat(script.simplified()).isFalse();
    }

    @Property(tries = 300)
    void oneEditIsFoundExactlyWithAlmostNoBudget(@ForAll("small") Scenario scenario, @ForAll @IntRange(max = 60) int at,
            @ForAll @IntRange(max = 5) int removed, @ForAll @IntRange(max = 5) int inserted) {
        int[] old = scenario.old();
        int start = Math.min(at, old.length);
        int end = Math.min(start + removed, old.length);
        // Symbols no sequence has, so the edit can't be mistaken for anything else.
        int[] fresh = IntStream.range(0, inserted).map(i -> 2_000_000 + i).toArray();
        int[] edited = concat(Arrays.copyOfRange(old, 0, start), fresh, Arrays.copyOfRange(old, end, old.length));

        // Enough to trim away what is around the edit and count what is left, no more.
        EditScript script = BoundedDiff.diff(old, edited, 2_000_000 + inserted, new DiffBudget(old.length + inserted));

        assertThat(replay(old, edited, script)).isEqualTo(edited);
        assertThat(script.simplified()).isFalse();
        if (end > start || inserted > 0) {
            assertThat(script.edits()).singleElement().satisfies(edit -> {
                assertThat(edit.oldLength()).isEqualTo(end - start);
                assertThat(edit.newLength()).isEqualTo(inserted);
            });
        } else {
            assertThat(script.edits()).isEmpty();
        }
    }

    @Test
    void sequencesWithNothingInCommonAreOneExactReplacement() {
        int[] old = IntStream.range(0, 5_000).toArray();
        int[] edited = IntStream.range(5_000, 9_000).toArray();

        EditScript script = BoundedDiff.diff(old, edited, 9_000, proportional(old, edited));

        assertThat(script.edits()).containsExactly(new Edit(0, 5_000, 0, 4_000));
        assertThat(script.simplified()).isFalse();
    }

    @Test
    void withoutBudgetSeparateEditsBecomeOneCoarseReplacement() {
        int[] old = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] edited = {1, 9, 3, 4, 5, 6, 9, 8};

        EditScript script = BoundedDiff.diff(old, edited, 10, new DiffBudget(0));

        assertThat(script.edits()).containsExactly(new Edit(1, 7, 1, 7));
        assertThat(script.simplified()).isTrue();
    }

    @Test
    void aRegionWithoutAnchorsTooBigForMyersIsComparedInSlicesThatLineUp() {
        // Every paragraph rewritten, the blank lines (0) between them kept: nothing occurs once
        // on both sides, and Myers would have 20,000 differences to walk through.
        int[] old = new int[20_000];
        int[] edited = new int[20_000];
        for (int i = 0; i < 10_000; i++) {
            old[2 * i] = 1 + i;
            edited[2 * i] = 10_001 + i;
        }
        DiffBudget budget = proportional(old, edited);

        EditScript script = BoundedDiff.diff(old, edited, 20_001, budget);

        assertThat(script.simplified()).isTrue();
        assertThat(script.edits()).hasSize(10_000).allMatch(edit -> edit.oldLength() == 1 && edit.newLength() == 1);
    }

    @Test
    void aMovedSymbolIsOneDeletionAndOneInsertion() {
        int[] old = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] edited = {1, 2, 3, 4, 6, 7, 8, 9, 5};

        EditScript script = BoundedDiff.diff(old, edited, 10, proportional(old, edited));

        assertThat(script.edits()).containsExactly(new Edit(4, 5, 4, 4), new Edit(9, 9, 8, 9));
    }

    @Test
    void editsThatTouchAreJoined() {
        int[] old = {1, 2, 3};
        int[] edited = {1, 4, 5};

        EditScript script = BoundedDiff.diff(old, edited, 6, proportional(old, edited));

        assertThat(script.edits()).containsExactly(new Edit(1, 3, 1, 3));
    }

    @Test
    void aLargeShuffleWithoutAnchorsIsReplacedCoarselyWithinTheBudget() {
        // Four symbols shuffled: none occurs once, and Myers would need far more than its cap.
        Scenario scenario = Scenario.hard(Scenario.Shape.SHUFFLED, 200_000, 3);
        int[] old = scenario.old();
        int[] edited = scenario.edited();
        DiffBudget budget = proportional(old, edited);

        EditScript script = BoundedDiff.diff(old, edited, 4, budget);

        assertThat(script.simplified()).isTrue();
        assertThat(replay(old, edited, script)).isEqualTo(edited);
        assertThat(budget.spent()).isLessThanOrEqualTo(budget.limit());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.any();
    }

    @Provide
    Arbitrary<Scenario> small() {
        return Arbitraries.oneOf(Scenario.edited(0, 200), Scenario.hard(0, 200));
    }

    /** The budget two texts of two characters a symbol would have. */
    static DiffBudget proportional(int[] old, int[] edited) {
        return new DiffBudget(DiffBudget.BASE_WORK + DiffBudget.WORK_PER_CHAR * 2L * (old.length + edited.length));
    }

    /**
     * The new sequence as the script makes it from the old one: equal runs copied (checked equal
     * on both sides), edits' new symbols put in. Also checks the script is well formed: edits in
     * order, none empty, none touching the next.
     */
    static int[] replay(int[] old, int[] edited, EditScript script) {
        List<Integer> out = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        boolean first = true;
        for (Edit edit : script.edits()) {
            assertThat(edit.oldLength() + edit.newLength()).as("empty edit %s", edit).isPositive();
            assertThat(edit.oldStart() - oldAt).as("equal run before %s", edit).isEqualTo(edit.newStart() - newAt);
            if (!first) {
                assertThat(edit.oldStart()).as("edit touching the one before: %s", edit).isGreaterThan(oldAt);
            }
            first = false;
            copyEqualRun(old, oldAt, edited, newAt, edit.oldStart() - oldAt, out);
            for (int j = edit.newStart(); j < edit.newEnd(); j++) {
                out.add(edited[j]);
            }
            oldAt = edit.oldEnd();
            newAt = edit.newEnd();
        }
        assertThat(old.length - oldAt).as("equal run at the end").isEqualTo(edited.length - newAt);
        copyEqualRun(old, oldAt, edited, newAt, old.length - oldAt, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void copyEqualRun(int[] old, int oldAt, int[] edited, int newAt, int length, List<Integer> out) {
        for (int k = 0; k < length; k++) {
            if (old[oldAt + k] != edited[newAt + k]) {
                throw new AssertionError("Old symbol " + (oldAt + k) + " is left unchanged but differs from new symbol " + (newAt + k));
            }
            out.add(old[oldAt + k]);
        }
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
