package org.clinwiki.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The row for an old line replaced by a new one, with the words that changed marked on both sides. */
final class WordDiff {

    // Below this share of unchanged characters, marking single words is noise; mark the whole line.
    private static final double MIN_SHARED = 0.3;

    private WordDiff() {
    }

    /** A change row, and whether its words were compared more coarsely than they could have been. */
    record MarkedRow(DiffRow row, boolean simplified) {
    }

    static MarkedRow change(String oldLine, int oldNumber, String newLine, int newNumber, DiffBudget budget) {
        // Cutting both lines into tokens costs about their length; once the budget can't pay for
        // that, lines are marked whole.
        if (!budget.tryCharge((long) oldLine.length() + newLine.length())) {
            return new MarkedRow(whole(oldLine, oldNumber, newLine, newNumber), true);
        }
        Spans oldTokens = Spans.tokens(oldLine);
        Spans newTokens = Spans.tokens(newLine);
        SymbolTable.Encoding words = SymbolTable.encode(oldTokens, newTokens);
        int[] oldSymbols = words.symbols()[0];
        int[] newSymbols = words.symbols()[1];
        double enough = MIN_SHARED * Math.max(oldLine.length(), newLine.length());
        if (sharedAtMost(oldSymbols, newSymbols, newTokens, words.size()) < enough) {
            // Marked whole however finely compared: lines rewritten this much needn't be.
            return new MarkedRow(whole(oldLine, oldNumber, newLine, newNumber), false);
        }
        EditScript script = BoundedDiff.diff(oldSymbols, newSymbols, words.size(), budget);
        boolean[] oldChanged = new boolean[oldTokens.count()];
        boolean[] newChanged = new boolean[newTokens.count()];
        for (Edit edit : script.edits()) {
            mark(oldChanged, edit.oldStart(), edit.oldEnd());
            mark(newChanged, edit.newStart(), edit.newEnd());
        }
        if (unchangedLength(oldTokens, oldChanged) < enough) {
            return new MarkedRow(whole(oldLine, oldNumber, newLine, newNumber), script.simplified());
        }
        DiffRow row = new DiffRow(DiffRow.Kind.CHANGE,
                Optional.of(new DiffSide(oldNumber, segments(oldTokens, oldChanged))),
                Optional.of(new DiffSide(newNumber, segments(newTokens, newChanged))));
        return new MarkedRow(row, script.simplified());
    }

    private static DiffRow whole(String oldLine, int oldNumber, String newLine, int newNumber) {
        return new DiffRow(DiffRow.Kind.CHANGE, DiffSide.whole(oldLine, oldNumber, true), DiffSide.whole(newLine, newNumber, true));
    }

    /** The length of the tokens the lines have in common, counted as bags: no word diff can leave more unchanged. */
    private static int sharedAtMost(int[] oldSymbols, int[] newSymbols, Spans newTokens, int symbols) {
        int[] unmatched = new int[symbols];
        for (int symbol : oldSymbols) {
            unmatched[symbol]++;
        }
        int length = 0;
        for (int i = 0; i < newSymbols.length; i++) {
            if (unmatched[newSymbols[i]] > 0) {
                unmatched[newSymbols[i]]--;
                length += newTokens.length(i);
            }
        }
        return length;
    }

    private static void mark(boolean[] changed, int from, int to) {
        for (int i = from; i < to; i++) {
            changed[i] = true;
        }
    }

    private static int unchangedLength(Spans tokens, boolean[] changed) {
        int length = 0;
        for (int i = 0; i < changed.length; i++) {
            if (!changed[i]) {
                length += tokens.length(i);
            }
        }
        return length;
    }

    /** The line in runs of tokens alike in being changed or not. */
    private static List<Segment> segments(Spans tokens, boolean[] changed) {
        List<Segment> segments = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= changed.length; i++) {
            if (i == changed.length || changed[i] != changed[runStart]) {
                segments.add(new Segment(tokens.text(runStart, i), changed[runStart]));
                runStart = i;
            }
        }
        return segments;
    }
}
