package org.clinwiki.diff;

import java.util.List;

/** One side of a diff row: a line number (1-based) and its text in segments. */
public record DiffSide(int line, List<Segment> segments) {

    public DiffSide {
        segments = List.copyOf(segments);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }
}
