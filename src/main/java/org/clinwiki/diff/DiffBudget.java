package org.clinwiki.diff;

/**
 * The work one comparison may do, shared by everything in it: the line diff and the word diffs
 * of all its changed lines. Work is counted in steps of roughly equal cost (comparing or counting
 * one symbol, visiting one diagonal of Myers' search); whatever can't be paid for is compared
 * coarsely instead. Reading the texts (cutting lines, numbering them) is linear and not counted.
 * Belongs to one comparison on one thread.
 */
final class DiffBudget {

    // Enough for an ordinary page to be compared as finely as an unbounded diff would (a Myers
    // search over a few thousand lines); about a tenth of a second at worst.
    static final long BASE_WORK = 4_000_000;
    // What keeps the worst case linear in the size of the texts: two 2 MiB pages may spend about
    // 21 million steps, around half a second, before the rest is compared coarsely.
    static final long WORK_PER_CHAR = 4;

    private final long limit;
    private long spent;

    DiffBudget(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("A budget can't be negative: " + limit);
        }
        this.limit = limit;
    }

    /** The budget for comparing two texts. */
    static DiffBudget forTexts(String oldText, String newText) {
        return new DiffBudget(BASE_WORK + WORK_PER_CHAR * ((long) oldText.length() + newText.length()));
    }

    /** Spends {@code work} if that much is left; otherwise spends nothing and says no. */
    boolean tryCharge(long work) {
        if (work > remaining()) {
            return false;
        }
        spent += work;
        return true;
    }

    /** Spends work already done, which the caller kept within {@link #remaining()}. */
    void charge(long work) {
        if (work > remaining()) {
            throw new IllegalStateException("Charged " + work + " with only " + remaining() + " left");
        }
        spent += work;
    }

    long remaining() {
        return limit - spent;
    }

    long spent() {
        return spent;
    }

    long limit() {
        return limit;
    }
}
