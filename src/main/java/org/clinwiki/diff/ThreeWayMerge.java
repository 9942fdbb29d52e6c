package org.clinwiki.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Line-based three-way merge of two edits made from the same base text.
 *
 * <p>Each side's changes are found as line diffs against the base. Changes that touch
 * different base lines are both applied. Changes whose base lines overlap, or that insert at
 * the same place, are merged only if both sides made the same change; otherwise the merge
 * fails. An insertion just before or after a line the other side changed is not a clash: the
 * order of the result is clear.
 *
 * <p>Both diffs are bounded ({@link BoundedDiff}). Where one is coarser than it could be, a
 * change covers more base lines than were really edited: the merge stays correct, and may report
 * a clash where a finer diff would not, which leaves the choice to the editor.
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    /** The merged text, or empty when the two edits clash. */
    public static Optional<String> merge(String base, String theirs, String mine) {
        if (theirs.equals(mine)) {
            return Optional.of(theirs);
        }
        return merge(base, theirs, mine, DiffBudget.forTexts(base, theirs), DiffBudget.forTexts(base, mine));
    }

    /** The merge, with a budget for each side's diff against the base. */
    static Optional<String> merge(String base, String theirs, String mine, DiffBudget theirBudget, DiffBudget myBudget) {
        Spans baseLines = Spans.lines(base);
        Spans theirLines = Spans.lines(theirs);
        Spans myLines = Spans.lines(mine);
        SymbolTable.Encoding lines = SymbolTable.encode(baseLines, theirLines, myLines);
        Text baseText = new Text(baseLines, lines.symbols()[0]);
        Text theirText = new Text(theirLines, lines.symbols()[1]);
        Text myText = new Text(myLines, lines.symbols()[2]);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(baseText, theirText, lines.size(), theirBudget));
        changes.addAll(changes(baseText, myText, lines.size(), myBudget));
        // Insertions sort before replacements at the same line, so they land in front of them.
        changes.sort(Comparator.comparingInt(Change::start).thenComparing(change -> !change.isInsertion()));

        MergedText merged = new MergedText();
        int position = 0;
        int index = 0;
        while (index < changes.size()) {
            Cluster cluster = new Cluster(changes.get(index++));
            while (index < changes.size() && cluster.clashesWith(changes.get(index))) {
                cluster.add(changes.get(index++));
            }
            merged.append(baseText, position, cluster.start);
            Optional<List<Piece>> resolved = cluster.resolve(baseText, theirText, myText);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            resolved.get().forEach(piece -> merged.append(piece.text(), piece.from(), piece.to()));
            position = cluster.end;
        }
        merged.append(baseText, position, baseText.lines().count());
        return Optional.of(merged.toString());
    }

    private static List<Change> changes(Text base, Text edited, int symbols, DiffBudget budget) {
        EditScript script = BoundedDiff.diff(base.symbols(), edited.symbols(), symbols, budget);
        List<Change> changes = new ArrayList<>(script.edits().size());
        for (Edit edit : script.edits()) {
            changes.add(new Change(edited, edit.oldStart(), edit.oldEnd(), edit.newStart(), edit.newEnd()));
        }
        return changes;
    }

    /** A text's lines and their symbols, numbered together with the other two texts'. */
    private record Text(Spans lines, int[] symbols) {
    }

    /** Lines [from, to) of a text. */
    private record Piece(Text text, int from, int to) {
    }

    /** Base lines [start, end) replaced by lines [from, to) of the side that made the change; an insertion when start == end. */
    private record Change(Text side, int start, int end, int from, int to) {
        boolean isInsertion() {
            return start == end;
        }
    }

    /** Changes that clash with each other, transitively, over base lines [start, end). */
    private static final class Cluster {
        private final List<Change> changes = new ArrayList<>();
        private final int start;
        private int end;
        // Where the cluster's last insertion is, or -1. Changes arrive sorted by start, so an
        // insertion at the same place as a later one is always the latest.
        private int lastInsertion = -1;

        Cluster(Change first) {
            start = first.start();
            end = first.end();
            add(first);
        }

        boolean clashesWith(Change next) {
            return next.start() < end || next.isInsertion() && lastInsertion == next.start();
        }

        void add(Change change) {
            changes.add(change);
            end = Math.max(end, change.end());
            if (change.isInsertion()) {
                lastInsertion = change.start();
            }
        }

        Optional<List<Piece>> resolve(Text base, Text theirs, Text mine) {
            List<Piece> theirVersion = apply(base, theirs);
            List<Piece> myVersion = apply(base, mine);
            boolean theirsChanged = changes.stream().anyMatch(c -> c.side() == theirs);
            boolean mineChanged = changes.stream().anyMatch(c -> c.side() == mine);
            if (theirsChanged && mineChanged) {
                return Arrays.equals(symbols(theirVersion), symbols(myVersion)) ? Optional.of(theirVersion) : Optional.empty();
            }
            return Optional.of(theirsChanged ? theirVersion : myVersion);
        }

        /** This cluster's base lines with one side's changes applied, as pieces of the base and of that side. */
        private List<Piece> apply(Text base, Text side) {
            List<Piece> pieces = new ArrayList<>();
            int position = start;
            for (Change change : changes) {
                if (change.side() != side) {
                    continue;
                }
                pieces.add(new Piece(base, position, change.start()));
                pieces.add(new Piece(side, change.from(), change.to()));
                position = change.end();
            }
            pieces.add(new Piece(base, position, end));
            return pieces;
        }

        /** The symbols of the lines the pieces hold: equal symbols, equal lines, whichever text they come from. */
        private static int[] symbols(List<Piece> pieces) {
            int length = pieces.stream().mapToInt(piece -> piece.to() - piece.from()).sum();
            int[] symbols = new int[length];
            int next = 0;
            for (Piece piece : pieces) {
                System.arraycopy(piece.text().symbols(), piece.from(), symbols, next, piece.to() - piece.from());
                next += piece.to() - piece.from();
            }
            return symbols;
        }
    }

    /** The merge result, its lines joined by '\n' as they were split. */
    private static final class MergedText {
        private final StringBuilder out = new StringBuilder();
        private boolean started;

        void append(Text text, int from, int to) {
            for (int line = from; line < to; line++) {
                if (started) {
                    out.append('\n');
                }
                text.lines().appendTo(out, line);
                started = true;
            }
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
