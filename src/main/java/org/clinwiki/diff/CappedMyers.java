package org.clinwiki.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * java-diff-utils' Myers diff on one region, abandoned once it has done a given amount of work.
 *
 * <p>Myers finds a shortest edit script in O((n + m) · D) for D differences, and this
 * implementation walks every diagonal from -d to d at each step even where they leave the region,
 * so its cost can't be told from the region's size beforehand. It is metered instead, as it runs:
 * one step per comparison and per diagonal visited, which also bounds the path nodes it allocates.
 */
final class CappedMyers {

    private CappedMyers() {
    }

    /**
     * The edits between {@code a[oldStart, oldEnd)} and {@code b[newStart, newEnd)}, in order, or
     * empty if finding them would take more than {@code cap} steps. The steps taken are charged to
     * {@code budget} either way; {@code cap} must be within what it has left.
     */
    static Optional<List<Edit>> run(int[] a, int oldStart, int oldEnd, int[] b, int newStart, int newEnd,
            long cap, DiffBudget budget) {
        Meter meter = new Meter(cap);
        try {
            meter.spend((long) (oldEnd - oldStart) + (newEnd - newStart));
            List<Change> changes = new MyersDiff<Integer>(meter::equal)
                    .computeDiff(boxed(a, oldStart, oldEnd), boxed(b, newStart, newEnd), meter);
            List<Edit> edits = new ArrayList<>(changes.size());
            for (Change change : changes) {
                edits.add(new Edit(oldStart + change.startOriginal, oldStart + change.endOriginal,
                        newStart + change.startRevised, newStart + change.endRevised));
            }
            // Myers reports its changes from the end backwards.
            edits.sort(Comparator.comparingInt(Edit::oldStart).thenComparingInt(Edit::newStart));
            return Optional.of(edits);
        } catch (CapReached e) {
            return Optional.empty();
        } finally {
            budget.charge(meter.work);
        }
    }

    private static List<Integer> boxed(int[] symbols, int from, int to) {
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = symbols[i];
        }
        return Arrays.asList(boxed);
    }

    /** Counts Myers' steps through its equality test and its progress reports, and stops it at the cap. */
    private static final class Meter implements DiffAlgorithmListener {
        private final long cap;
        private long work;

        Meter(long cap) {
            this.cap = cap;
        }

        void spend(long steps) {
            if (work + steps > cap) {
                throw new CapReached();
            }
            work += steps;
        }

        boolean equal(Integer x, Integer y) {
            spend(1);
            return x.intValue() == y.intValue();
        }

        @Override
        public void diffStep(int distance, int max) {
            // Step d visits the d + 1 diagonals -d, -d + 2, ..., d.
            spend(distance + 1L);
        }

        @Override
        public void diffStart() {
        }

        @Override
        public void diffEnd() {
        }
    }

    /** Thrown from inside Myers' search, the only way to stop it; carries no stack trace, as nobody reads one. */
    private static final class CapReached extends RuntimeException {
        CapReached() {
            super(null, null, false, false);
        }
    }
}
