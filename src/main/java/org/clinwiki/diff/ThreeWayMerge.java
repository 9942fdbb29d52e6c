package org.clinwiki.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
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
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    /** The merged text, or empty when the two edits clash. */
    public static Optional<String> merge(String base, String theirs, String mine) {
        if (theirs.equals(mine)) {
            return Optional.of(theirs);
        }
        List<String> baseLines = Lines.split(base);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(baseLines, Lines.split(theirs), Side.THEIRS));
        changes.addAll(changes(baseLines, Lines.split(mine), Side.MINE));
        // Insertions sort before replacements at the same line, so they land in front of them.
        changes.sort(Comparator.comparingInt(Change::start).thenComparing(change -> !change.isInsertion()));

        List<String> merged = new ArrayList<>();
        int position = 0;
        int index = 0;
        while (index < changes.size()) {
            Cluster cluster = new Cluster(changes.get(index++));
            while (index < changes.size() && cluster.clashesWith(changes.get(index))) {
                cluster.add(changes.get(index++));
            }
            merged.addAll(baseLines.subList(position, cluster.start));
            Optional<List<String>> resolved = cluster.resolve(baseLines);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            merged.addAll(resolved.get());
            position = cluster.end;
        }
        merged.addAll(baseLines.subList(position, baseLines.size()));
        return Optional.of(Lines.join(merged));
    }

    private static List<Change> changes(List<String> base, List<String> edited, Side side) {
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(base, edited).getDeltas()) {
            int start = delta.getSource().getPosition();
            changes.add(new Change(side, start, start + delta.getSource().size(), delta.getTarget().getLines()));
        }
        return changes;
    }

    private enum Side { THEIRS, MINE }

    /** Base lines [start, end) replaced by {@code lines}; an insertion when start == end. */
    private record Change(Side side, int start, int end, List<String> lines) {
        boolean isInsertion() {
            return start == end;
        }
    }

    /** Changes that clash with each other, transitively, over base lines [start, end). */
    private static final class Cluster {
        private final List<Change> changes = new ArrayList<>();
        private final int start;
        private int end;

        Cluster(Change first) {
            changes.add(first);
            start = first.start();
            end = first.end();
        }

        boolean clashesWith(Change next) {
            if (next.start() < end) {
                return true;
            }
            return next.isInsertion() && changes.stream().anyMatch(c -> c.isInsertion() && c.start() == next.start());
        }

        void add(Change change) {
            changes.add(change);
            end = Math.max(end, change.end());
        }

        Optional<List<String>> resolve(List<String> base) {
            List<String> theirs = apply(base, Side.THEIRS);
            List<String> mine = apply(base, Side.MINE);
            boolean theirsChanged = changes.stream().anyMatch(c -> c.side() == Side.THEIRS);
            boolean mineChanged = changes.stream().anyMatch(c -> c.side() == Side.MINE);
            if (theirsChanged && mineChanged) {
                return theirs.equals(mine) ? Optional.of(theirs) : Optional.empty();
            }
            return Optional.of(theirsChanged ? theirs : mine);
        }

        /** This cluster's base lines with one side's changes applied. */
        private List<String> apply(List<String> base, Side side) {
            List<String> out = new ArrayList<>();
            int position = start;
            for (Change change : changes) {
                if (change.side() != side) {
                    continue;
                }
                out.addAll(base.subList(position, change.start()));
                out.addAll(change.lines());
                position = change.end();
            }
            out.addAll(base.subList(position, end));
            return out;
        }
    }
}
