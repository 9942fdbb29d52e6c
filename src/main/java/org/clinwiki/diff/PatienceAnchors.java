package org.clinwiki.diff;

/** Choosing anchors for patience diff: the longest run of candidates whose positions increase on both sides. */
final class PatienceAnchors {

    private PatienceAnchors() {
    }

    /**
     * Indices of a longest strictly increasing subsequence of {@code values}, in order. Patience
     * sorting: O(k log k) for k values, where comparing all pairs would be quadratic.
     */
    static int[] longestIncreasing(int[] values) {
        if (values.length == 0) {
            return values;
        }
        // tails[len - 1]: index of the smallest last value of any increasing run of length len so far.
        int[] tails = new int[values.length];
        int[] previous = new int[values.length];
        int longest = 0;
        for (int i = 0; i < values.length; i++) {
            int low = 0;
            int high = longest;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[tails[middle]] < values[i]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tails[low - 1] : -1;
            tails[low] = i;
            if (low == longest) {
                longest++;
            }
        }
        int[] run = new int[longest];
        for (int i = tails[longest - 1], k = longest - 1; k >= 0; i = previous[i], k--) {
            run[k] = i;
        }
        return run;
    }
}
