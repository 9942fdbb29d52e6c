package org.clinwiki.diff;

import java.util.List;
import java.util.Optional;

/** One side of a diff row: a line number (1-based) and its text in segments. */
public record DiffSide(int line, List<Segment> segments) {

    public DiffSide {
        segments = List.copyOf(segments);
    }

    /** A line as one segment, marked changed or not (an empty line has no segments). */
    static Optional<DiffSide> whole(String line, int number, boolean changed) {
        return Optional.of(new DiffSide(number, line.isEmpty() ? List.of() : List.of(new Segment(line, changed))));
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }
}
