package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables, {@code {| … |}}, as Markdown pipe tables: {@code |+} a caption (an italic line above),
 * {@code |-} rows, {@code !} header cells, {@code |}/{@code ||} cells; attributes dropped. A
 * column span is a pipe table's own span ({@code | a ||}); a row span repeats the cell in the rows
 * below; cells with lists, paragraphs or tables inside are flattened to one line, their lines
 * joined by {@code <br>}. Everything but the spans is reported. Read from the lines, so an
 * unclosed table ends where the text does.
 */
final class Tables {

    private static final int MAX_COLUMNS = 50;
    private static final int MAX_ROW_SPAN = 100;

    private final Session session;
    private final List<List<TableCell>> rows = new ArrayList<>();
    private String caption;

    private Tables(Session session) {
        this.session = session;
    }

    /** The index of the line closing the table opened at {@code start}, counting nested tables; the last line if none. */
    static int end(List<String> lines, int start) {
        int depth = 0;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.startsWith("{|")) {
                depth++;
            } else if (line.startsWith("|}") && --depth == 0) {
                return i;
            }
        }
        return lines.size() - 1;
    }

    static String convert(List<String> lines, Session session) {
        Tables table = new Tables(session);
        table.read(lines);
        return new TableWriter(session).write(table.caption, table.rows);
    }

    private void read(List<String> lines) {
        List<StringBuilder> contents = new ArrayList<>();
        List<TableCell> shapes = new ArrayList<>();
        List<List<Integer>> rowCells = new ArrayList<>();
        StringBuilder captionText = null;
        StringBuilder current = null;
        int nested = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.stripLeading();
            if (nested > 0 || t.startsWith("{|") && current != null) {
                nested += t.startsWith("{|") ? 1 : t.startsWith("|}") ? -1 : 0;
                current.append('\n').append(line);
                continue;
            }
            if (t.startsWith("|}")) {
                break;
            } else if (t.startsWith("|+")) {
                captionText = new StringBuilder(afterAttributes(t.substring(2)));
                current = captionText;
            } else if (t.startsWith("|-")) {
                rowCells.add(new ArrayList<>());
                current = null;
            } else if (t.startsWith("!") || t.startsWith("|")) {
                boolean header = t.startsWith("!");
                if (rowCells.isEmpty()) {
                    rowCells.add(new ArrayList<>());
                }
                for (String cell : cells(t.substring(1), header)) {
                    int bar = attributeBar(cell);
                    Map<String, String> attributes = bar < 0 ? Map.of() : Attributes.parse(cell.substring(0, bar));
                    shapes.add(new TableCell(header, span(attributes.get("colspan"), MAX_COLUMNS),
                            span(attributes.get("rowspan"), MAX_ROW_SPAN), ""));
                    current = new StringBuilder(bar < 0 ? cell : cell.substring(bar + 1));
                    contents.add(current);
                    rowCells.getLast().add(shapes.size() - 1);
                }
            } else if (current != null) {
                current.append('\n').append(line);
            } else if (!t.isEmpty()) {
                session.issues().add("text between a table's rows", "moved into the caption");
                captionText = captionText == null ? new StringBuilder(t) : captionText.append(' ').append(t);
            }
        }
        caption = captionText == null ? null : captionText.toString().strip();
        for (List<Integer> indexes : rowCells) {
            if (indexes.isEmpty()) {
                continue;
            }
            List<TableCell> row = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                TableCell shape = shapes.get(index);
                row.add(new TableCell(shape.header(), shape.columns(), shape.rows(), contents.get(index).toString()));
            }
            rows.add(row);
        }
    }

    /** A row line's cells: split at {@code ||} (and {@code !!} on a header line) outside links. */
    private static List<String> cells(String line, boolean header) {
        List<String> cells = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int k = 0; k < line.length() - 1; k++) {
            char c = line.charAt(k);
            char next = line.charAt(k + 1);
            if (c == '[' && next == '[') {
                depth++;
                k++;
            } else if (c == ']' && next == ']' && depth > 0) {
                depth--;
                k++;
            } else if (depth == 0 && (c == '|' && next == '|' || header && c == '!' && next == '!')) {
                cells.add(line.substring(from, k));
                from = k + 2;
                k++;
            }
        }
        cells.add(line.substring(from));
        return cells;
    }

    /**
     * The bar ending a cell's attributes ({@code style="…" | text}), or -1 if it has none. A link
     * or a template before the first bar means the bar is the cell's text (a link's own bar).
     */
    private static int attributeBar(String cell) {
        for (int k = 0; k < cell.length(); k++) {
            char c = cell.charAt(k);
            if (c == '[' && k + 1 < cell.length() && cell.charAt(k + 1) == '[' || c == Stash.START) {
                return -1;
            }
            if (c == '|') {
                return k;
            }
        }
        return -1;
    }

    private static String afterAttributes(String caption) {
        int bar = attributeBar(caption);
        return bar < 0 ? caption : caption.substring(bar + 1);
    }

    private static int span(String value, int max) {
        if (value == null) {
            return 1;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 4) {
            return 1;
        }
        return Math.max(1, Math.min(max, Integer.parseInt(digits)));
    }
}
