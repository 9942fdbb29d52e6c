package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;

/** Writes a read table as a Markdown pipe table; see {@link Tables}. */
final class TableWriter {

    /** Stands for a column another cell spans: written as an empty cell right after it, {@code ||}. */
    private static final String SPANNED = "\u0000";

    private final Session session;

    TableWriter(Session session) {
        this.session = session;
    }

    String write(String caption, List<List<TableCell>> rows) {
        StringBuilder out = new StringBuilder();
        if (caption != null && !caption.isEmpty()) {
            out.append('*').append(inline(caption, false).strip()).append("*\n\n");
        }
        List<List<String>> grid = grid(rows);
        if (grid.isEmpty()) {
            return out.toString().strip();
        }
        int columns = 0;
        for (List<String> row : grid) {
            columns = Math.max(columns, row.size());
        }
        boolean headerRow = !rows.isEmpty() && rows.getFirst().stream().allMatch(TableCell::header);
        if (headerRow) {
            line(out, grid.getFirst(), columns);
        } else {
            line(out, List.of(), columns);
        }
        out.append('|');
        out.append(" --- |".repeat(columns));
        out.append('\n');
        for (int r = headerRow ? 1 : 0; r < grid.size(); r++) {
            line(out, grid.get(r), columns);
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, List<String> cells, int columns) {
        out.append('|');
        for (int c = 0; c < columns; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            if (cell.equals(SPANNED)) {
                out.append('|');
            } else {
                out.append(' ').append(cell.isEmpty() ? " " : cell).append(" |");
            }
        }
        out.append('\n');
    }

    /** The cells laid out in rows and columns, row spans repeated below, each cell converted once. */
    private List<List<String>> grid(List<List<TableCell>> rows) {
        List<List<String>> grid = new ArrayList<>(rows.size());
        List<int[]> pending = new ArrayList<>();
        List<String> pendingText = new ArrayList<>();
        boolean firstRowHeader = !rows.isEmpty() && rows.getFirst().stream().allMatch(TableCell::header);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>();
            int column = 0;
            for (TableCell cell : rows.get(r)) {
                column = fillSpans(row, column, pending, pendingText);
                String text = inline(cell.content(), true);
                if (cell.header() && !(r == 0 && firstRowHeader) && !text.isBlank()) {
                    text = "**" + text + "**";
                }
                for (int c = 0; c < cell.columns(); c++) {
                    row.add(c == 0 ? text : SPANNED);
                    if (cell.rows() > 1) {
                        while (pending.size() <= column + c) {
                            pending.add(new int[1]);
                            pendingText.add("");
                        }
                        pending.get(column + c)[0] = Math.min(cell.rows() - 1, rows.size() - r - 1);
                        pendingText.set(column + c, c == 0 ? text : "");
                    }
                }
                if (cell.rows() > 1) {
                    session.issues().add("table with rowspan", "flattened: cells repeated in the rows they span");
                }
                column += cell.columns();
            }
            fillSpans(row, column, pending, pendingText);
            grid.add(row);
        }
        return grid;
    }

    /** Puts the repeated cells of earlier row spans that stand at {@code column} and after; returns the next free column. */
    private static int fillSpans(List<String> row, int column, List<int[]> pending, List<String> pendingText) {
        int c = column;
        while (c < pending.size() && pending.get(c)[0] > 0) {
            pending.get(c)[0]--;
            row.add(pendingText.get(c));
            c++;
        }
        return c;
    }

    /**
     * A cell's wikitext as one line of Markdown. Block content (lists, paragraphs, a nested
     * table) is converted as blocks and its lines joined by {@code <br>}, list markers as bullets.
     */
    private String inline(String content, boolean cell) {
        String text = content.strip();
        MarkdownEscaper.Place place = cell ? MarkdownEscaper.Place.TABLE : MarkdownEscaper.Place.TEXT;
        if (text.indexOf('\n') < 0 && !startsBlock(text)) {
            return oneLine(session.stash().markdown(Inline.convert(text, session, place)));
        }
        session.issues().add("table cell with lists, paragraphs or a table inside", "flattened: its lines joined with <br>");
        String markdown = session.stash().markdown(session.blocks(text));
        List<String> lines = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String shown = line.strip();
            shown = shown.startsWith("|") ? tableRow(shown)
                    : shown.replaceFirst("^(?:[-*+]|\\d{1,9}[.)])\\s+", "• ").replaceFirst("^#{1,6}\\s+", "");
            if (!shown.isEmpty()) {
                lines.add(shown);
            }
        }
        return String.join("<br>", lines);
    }

    /** A nested table's row as its cells joined by semicolons; its delimiter row and empty header as nothing. */
    private static String tableRow(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1).split("(?<!\\\\)\\|")) {
            String text = cell.strip();
            if (!text.isEmpty() && !text.equals("---")) {
                cells.add(text);
            }
        }
        return String.join("; ", cells);
    }

    private static boolean startsBlock(String text) {
        return !text.isEmpty() && ("*#:;".indexOf(text.charAt(0)) >= 0 || text.startsWith("{|"));
    }

    private static String oneLine(String markdown) {
        return markdown.indexOf('\n') < 0 ? markdown : markdown.strip().replace("\n", "<br>");
    }
}
