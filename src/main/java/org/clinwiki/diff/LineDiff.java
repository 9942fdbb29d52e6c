package org.clinwiki.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line diff of two texts with word-level changes inside changed lines, grouped into hunks
 * with {@value #CONTEXT} lines of context. Pure and thread-safe.
 */
public final class LineDiff {

    static final int CONTEXT = 3;
    // Words, runs of white space, or single other characters: the units a word diff marks.
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.", Pattern.DOTALL);
    // Below this share of unchanged characters, marking single words is noise; mark the whole line.
    private static final double MIN_SHARED = 0.3;

    private LineDiff() {
    }

    public static TextDiff compare(String oldText, String newText) {
        List<String> oldLines = Lines.split(oldText);
        List<String> newLines = Lines.split(newText);
        List<DiffRow> rows = new ArrayList<>();
        int oldIndex = 0;
        int newIndex = 0;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldLines, newLines).getDeltas()) {
            while (oldIndex < delta.getSource().getPosition()) {
                rows.add(context(oldLines.get(oldIndex), ++oldIndex, ++newIndex));
            }
            List<String> removedLines = delta.getSource().getLines();
            List<String> addedLines = delta.getTarget().getLines();
            removed += removedLines.size();
            added += addedLines.size();
            int paired = Math.min(removedLines.size(), addedLines.size());
            for (int i = 0; i < paired; i++) {
                rows.add(change(removedLines.get(i), ++oldIndex, addedLines.get(i), ++newIndex));
            }
            for (int i = paired; i < removedLines.size(); i++) {
                rows.add(new DiffRow(DiffRow.Kind.DELETE, whole(removedLines.get(i), ++oldIndex, true), Optional.empty()));
            }
            for (int i = paired; i < addedLines.size(); i++) {
                rows.add(new DiffRow(DiffRow.Kind.INSERT, Optional.empty(), whole(addedLines.get(i), ++newIndex, true)));
            }
        }
        while (oldIndex < oldLines.size()) {
            rows.add(context(oldLines.get(oldIndex), ++oldIndex, ++newIndex));
        }
        return new TextDiff(hunks(rows), added, removed);
    }

    private static List<DiffHunk> hunks(List<DiffRow> rows) {
        List<DiffHunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (rows.get(i).kind() == DiffRow.Kind.CONTEXT) {
                i++;
                continue;
            }
            int first = Math.max(0, i - CONTEXT);
            int last = i;
            // Extend over later changes while the unchanged gap between them is small enough to show.
            int j = i;
            while (j < rows.size()) {
                if (rows.get(j).kind() != DiffRow.Kind.CONTEXT) {
                    last = j;
                    j++;
                } else if (j - last <= 2 * CONTEXT) {
                    j++;
                } else {
                    break;
                }
            }
            int end = Math.min(rows.size(), last + 1 + CONTEXT);
            List<DiffRow> hunkRows = rows.subList(first, end);
            hunks.add(new DiffHunk(startLine(hunkRows, true), startLine(hunkRows, false), hunkRows));
            i = end;
        }
        return hunks;
    }

    private static int startLine(List<DiffRow> rows, boolean oldSide) {
        for (DiffRow row : rows) {
            Optional<DiffSide> side = oldSide ? row.oldSide() : row.newSide();
            if (side.isPresent()) {
                return side.get().line();
            }
        }
        return 0;
    }

    private static DiffRow context(String line, int oldNumber, int newNumber) {
        return new DiffRow(DiffRow.Kind.CONTEXT, whole(line, oldNumber, false), whole(line, newNumber, false));
    }

    private static Optional<DiffSide> whole(String line, int number, boolean changed) {
        return Optional.of(new DiffSide(number, line.isEmpty() ? List.of() : List.of(new Segment(line, changed))));
    }

    private static DiffRow change(String oldLine, int oldNumber, String newLine, int newNumber) {
        List<String> oldTokens = tokens(oldLine);
        List<String> newTokens = tokens(newLine);
        boolean[] oldChanged = new boolean[oldTokens.size()];
        boolean[] newChanged = new boolean[newTokens.size()];
        for (AbstractDelta<String> delta : DiffUtils.diff(oldTokens, newTokens).getDeltas()) {
            mark(oldChanged, delta.getSource().getPosition(), delta.getSource().size());
            mark(newChanged, delta.getTarget().getPosition(), delta.getTarget().size());
        }
        int shared = unchangedLength(oldTokens, oldChanged);
        if (shared < MIN_SHARED * Math.max(oldLine.length(), newLine.length())) {
            return new DiffRow(DiffRow.Kind.CHANGE, whole(oldLine, oldNumber, true), whole(newLine, newNumber, true));
        }
        return new DiffRow(DiffRow.Kind.CHANGE,
                Optional.of(new DiffSide(oldNumber, segments(oldTokens, oldChanged))),
                Optional.of(new DiffSide(newNumber, segments(newTokens, newChanged))));
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void mark(boolean[] changed, int from, int count) {
        for (int i = from; i < from + count; i++) {
            changed[i] = true;
        }
    }

    private static int unchangedLength(List<String> tokens, boolean[] changed) {
        int length = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!changed[i]) {
                length += tokens.get(i).length();
            }
        }
        return length;
    }

    private static List<Segment> segments(List<String> tokens, boolean[] changed) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && changed[i] != changed[i - 1]) {
                segments.add(new Segment(run.toString(), changed[i - 1]));
                run.setLength(0);
            }
            run.append(tokens.get(i));
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(run.toString(), changed[tokens.size() - 1]));
        }
        return segments;
    }
}
