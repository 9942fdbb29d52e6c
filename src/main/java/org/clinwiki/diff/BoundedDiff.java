package org.clinwiki.diff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * An edit script between two sequences of symbols, at a cost held within a {@link DiffBudget}.
 *
 * <p>The common prefix and suffix are set aside first. What is left is split at anchors:
 * symbols that occur exactly once on each side, kept where their order agrees on both sides
 * (the longest increasing run of their positions, as in patience diff); the gaps between anchors
 * are compared the same way. Small regions go to Myers' algorithm first, if it is quick about
 * them, and regions without anchors go to it as long as it stays within its cap; those too big
 * for that are cut into slices compared one against the other. A region left over becomes one
 * replacement. Either way the edit script is still exact, only coarser than it could be, and
 * says it is simplified. Once the budget is spent, every region still waiting is left over.
 *
 * <p>Regions wait on an explicit stack, leftmost on top, so edits come out in order and deep
 * splits can't overflow the call stack.
 */
final class BoundedDiff {

    // Up to this many symbols on both sides together, a region goes to Myers first, as long as it
    // finds the answer within MYERS_FIRST_STEPS per symbol: it finds a shortest script, as the
    // unbounded diff did, where anchors can make a moved line look like everything around it
    // moved. Ordinary edits of ordinary pages (Myers costs about (n + m) * D for D differences)
    // stay well within that; larger or more shuffled regions are split at anchors first.
    static final int MYERS_FIRST = 2_000;
    static final int MYERS_FIRST_STEPS = 64;
    // The most one Myers search may do before it is abandoned: some 20 to 25 ms on a busy
    // two-core machine, and the path nodes it allocates stay within a few megabytes.
    static final long MYERS_MAX_WORK = 1_000_000;
    // How big a slice of a region too big for Myers is, both sides together: small enough for
    // Myers to get through it however much differs (at most about 250² / 2 steps), and cheap
    // enough per line for a page of any size to be sliced within its budget.
    static final int SLICE = 250;

    private final int[] a;
    private final int[] b;
    private final int symbols;
    private final DiffBudget budget;
    private final EditScript.Builder script = new EditScript.Builder();
    private final Deque<Region> pending = new ArrayDeque<>();
    // By symbol, made on first need: occurrences on each side of the region being counted (back
    // to zero after each), and where in b the symbol was last seen. Reused, so that counting a
    // region costs its size, not the size of the alphabet.
    private int[] countA;
    private int[] countB;
    private int[] whereInB;

    private BoundedDiff(int[] a, int[] b, int symbols, DiffBudget budget) {
        this.a = a;
        this.b = b;
        this.symbols = symbols;
        this.budget = budget;
    }

    /** The edits turning {@code a} into {@code b}, whose symbols are all below {@code symbols}. */
    static EditScript diff(int[] a, int[] b, int symbols, DiffBudget budget) {
        return new BoundedDiff(a, b, symbols, budget).run();
    }

    private EditScript run() {
        // The first trim is one linear pass and always done, budget or not: identical sequences
        // never show a change, and an edit at one place is found exactly however small the budget.
        Region whole = new Region(0, a.length, 0, b.length);
        Region rest = trim(whole, Long.MAX_VALUE);
        budget.charge(Math.min(budget.remaining(), (long) (whole.oldLength() - rest.oldLength())));
        pending.push(rest);
        while (!pending.isEmpty()) {
            compare(pending.pop());
        }
        return script.build();
    }

    private void compare(Region untrimmed) {
        Region region = trim(untrimmed, budget.remaining());
        budget.charge(untrimmed.oldLength() - region.oldLength());
        int span = region.oldLength() + region.newLength();
        if (region.oldLength() == 0 || region.newLength() == 0) {
            // Nothing to compare: a pure insertion or deletion (or nothing at all).
            add(region);
            return;
        }
        if (!budget.tryCharge(span)) {
            coarse(region);
            return;
        }
        Census census = census(region);
        if (census.matchable() == 0) {
            // Not one symbol in common: replacing the region whole is the exact answer.
            add(region);
            return;
        }
        if (census.anchorOld().length == 0) {
            compareWithoutAnchors(region, census.matchable());
        } else if (span > MYERS_FIRST || !myers(region, census.matchable(), MYERS_FIRST_STEPS * span)) {
            split(region, census);
        }
    }

    /** Myers if it gets through within its cap, else slices, else one replacement. */
    private void compareWithoutAnchors(Region region, long matchable) {
        if (myers(region, matchable, MYERS_MAX_WORK)) {
            return;
        }
        if (region.oldLength() + region.newLength() > SLICE) {
            slice(region);
        } else {
            coarse(region);
        }
    }

    /** The region without the symbols it starts and ends with on both sides, comparing at most {@code limit} pairs. */
    private Region trim(Region region, long limit) {
        int oldStart = region.oldStart();
        int newStart = region.newStart();
        int oldEnd = region.oldEnd();
        int newEnd = region.newEnd();
        long left = limit;
        while (left > 0 && oldStart < oldEnd && newStart < newEnd && a[oldStart] == b[newStart]) {
            oldStart++;
            newStart++;
            left--;
        }
        while (left > 0 && oldStart < oldEnd && newStart < newEnd && a[oldEnd - 1] == b[newEnd - 1]) {
            oldEnd--;
            newEnd--;
            left--;
        }
        return new Region(oldStart, oldEnd, newStart, newEnd);
    }

    /**
     * Adds the region's edits as Myers finds them, if it can within {@code steps} (and its cap);
     * false if not, having added nothing. {@code matchable} is at most how many symbols could pair
     * up: the fewer, the more differences Myers must walk through.
     */
    private boolean myers(Region region, long matchable, long steps) {
        long cap = Math.min(Math.min(steps, MYERS_MAX_WORK), budget.remaining());
        // D differences cost Myers at least D²/2 diagonal visits, and D >= n + m - 2 * matchable.
        long fewestDifferences = region.oldLength() + region.newLength() - 2 * matchable;
        if (fewestDifferences * fewestDifferences / 2 > cap) {
            return false;
        }
        Optional<List<Edit>> edits = CappedMyers.run(a, region.oldStart(), region.oldEnd(),
                b, region.newStart(), region.newEnd(), cap, budget);
        edits.ifPresent(found -> found.forEach(edit -> script.add(edit.oldStart(), edit.oldEnd(), edit.newStart(), edit.newEnd())));
        return edits.isPresent();
    }

    /** What the region's symbols have in common, counted in one pass over each side (already charged). */
    private Census census(Region region) {
        if (countA == null) {
            countA = new int[symbols];
            countB = new int[symbols];
            whereInB = new int[symbols];
        }
        for (int i = region.oldStart(); i < region.oldEnd(); i++) {
            countA[a[i]]++;
        }
        for (int j = region.newStart(); j < region.newEnd(); j++) {
            countB[b[j]]++;
            whereInB[b[j]] = j;
        }
        int anchors = 0;
        for (int i = region.oldStart(); i < region.oldEnd(); i++) {
            if (countA[a[i]] == 1 && countB[a[i]] == 1) {
                anchors++;
            }
        }
        int[] anchorOld = new int[anchors];
        int[] anchorNew = new int[anchors];
        int next = 0;
        long matchable = 0;
        for (int i = region.oldStart(); i < region.oldEnd(); i++) {
            int symbol = a[i];
            if (countA[symbol] == 1 && countB[symbol] == 1) {
                anchorOld[next] = i;
                anchorNew[next++] = whereInB[symbol];
            }
            if (countA[symbol] > 0) {
                matchable += Math.min(countA[symbol], countB[symbol]);
                countA[symbol] = 0;  // counted once, however often it occurs
            }
        }
        for (int j = region.newStart(); j < region.newEnd(); j++) {
            countB[b[j]] = 0;
        }
        return new Census(anchorOld, anchorNew, matchable);
    }

    /** Splits the region at the anchors whose order agrees on both sides and queues the gaps between them. */
    private void split(Region region, Census census) {
        int candidates = census.anchorOld().length;
        if (!budget.tryCharge((long) candidates * (33 - Integer.numberOfLeadingZeros(candidates)))) {
            coarse(region);
            return;
        }
        int[] kept = PatienceAnchors.longestIncreasing(census.anchorNew());
        int oldEnd = region.oldEnd();
        int newEnd = region.newEnd();
        // Pushed from the last gap to the first, so the first is compared first and edits come out in order.
        for (int k = kept.length - 1; k >= 0; k--) {
            int oldAnchor = census.anchorOld()[kept[k]];
            int newAnchor = census.anchorNew()[kept[k]];
            pending.push(new Region(oldAnchor + 1, oldEnd, newAnchor + 1, newEnd));
            oldEnd = oldAnchor;
            newEnd = newAnchor;
        }
        pending.push(new Region(region.oldStart(), oldEnd, region.newStart(), newEnd));
    }

    /**
     * Cuts a region too big for Myers, and without anchors, into slices at the same relative
     * places on both sides, and queues them to be compared one against the other. A guess that
     * the sides line up, often right (a page whose paragraphs were all rewritten, blank lines
     * between them kept) and otherwise no worse than replacing the region whole; either way the
     * script is no longer the shortest one can find, and says it is simplified.
     */
    private void slice(Region region) {
        int slices = (region.oldLength() + region.newLength() + SLICE - 1) / SLICE;
        for (int k = slices; k > 0; k--) {
            pending.push(new Region(
                    region.oldStart() + (int) ((long) region.oldLength() * (k - 1) / slices),
                    region.oldStart() + (int) ((long) region.oldLength() * k / slices),
                    region.newStart() + (int) ((long) region.newLength() * (k - 1) / slices),
                    region.newStart() + (int) ((long) region.newLength() * k / slices)));
        }
        script.markSimplified();
    }

    private void coarse(Region region) {
        add(region);
        script.markSimplified();
    }

    private void add(Region region) {
        script.add(region.oldStart(), region.oldEnd(), region.newStart(), region.newEnd());
    }

    /** Old symbols [oldStart, oldEnd) against new symbols [newStart, newEnd), still to be compared. */
    private record Region(int oldStart, int oldEnd, int newStart, int newEnd) {
        int oldLength() {
            return oldEnd - oldStart;
        }

        int newLength() {
            return newEnd - newStart;
        }
    }

    /**
     * Symbols occurring once on each side of a region, by their positions in old order; and how
     * many symbols could pair up at most (the sum over symbols of the smaller count).
     */
    private record Census(int[] anchorOld, int[] anchorNew, long matchable) {
    }
}
