package org.clinwiki.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster benchmark's table: one row per figure, one column per setup, each figure beside
 * its ratio to the first setup's (the reference: one node on SQLite) measured in the same run.
 * Printed for people, as Markdown for docs/performance.md, and mapped for JSON.
 */
final class SetupTable {

    /** One figure in every setup; NaN where a setup has none (a cross-node figure on one node). */
    record Row(String name, String unit, List<Double> values) {

        /** The figure of setup {@code i} divided by the reference's; NaN where either is missing. */
        double ratio(int i) {
            return values.get(i) / values.get(0);
        }
    }

    private final List<String> setups;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    /** Setup names; the first is the reference. */
    SetupTable(List<String> setups) {
        if (setups.size() < 2) {
            throw new IllegalArgumentException("a comparison needs a reference and at least one other setup");
        }
        this.setups = List.copyOf(setups);
    }

    void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** A row; {@code values} in the order of the setups. */
    void add(String name, String unit, double... values) {
        if (values.length != setups.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + setups.size() + " setups");
        }
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        rows.add(new Row(name, unit, List.copyOf(list)));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void print(PrintWriter out) {
        out.println();
        facts.forEach((name, value) -> out.printf(Locale.ROOT, "%s: %s%n", name, value));
        out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-66s", "figure"));
        for (int i = 0; i < setups.size(); i++) {
            header.append(String.format(Locale.ROOT, " %24s", setups.get(i)));
            if (i > 0) {
                header.append(String.format(Locale.ROOT, " %6s", "ratio"));
            }
        }
        out.println(header);
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-66s", row.name() + " (" + row.unit() + ")"));
            for (int i = 0; i < setups.size(); i++) {
                line.append(String.format(Locale.ROOT, " %24s", Figures.number(row.values().get(i))));
                if (i > 0) {
                    line.append(String.format(Locale.ROOT, " %6s", ratio(row, i)));
                }
            }
            out.println(line);
        }
        out.flush();
    }

    /** The table in Markdown: | figure | reference | setup | ratio | setup | ratio |. */
    String markdown() {
        StringBuilder text = new StringBuilder("| figure | ").append(setups.get(0));
        StringBuilder rule = new StringBuilder("|---|---:");
        for (int i = 1; i < setups.size(); i++) {
            text.append(" | ").append(setups.get(i)).append(" | ratio");
            rule.append("|---:|---:");
        }
        text.append(" |\n").append(rule).append("|\n");
        for (Row row : rows) {
            text.append("| ").append(row.name()).append(" (").append(row.unit()).append(") | ").append(Figures.number(row.values().get(0)));
            for (int i = 1; i < setups.size(); i++) {
                text.append(" | ").append(Figures.number(row.values().get(i))).append(" | ").append(ratio(row, i));
            }
            text.append(" |\n");
        }
        return text.toString();
    }

    /** The run's facts, then one object per figure: each setup's value and, beside the reference, its ratio. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(facts);
        map.put("setups", setups);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("figure", row.name());
            figure.put("unit", row.unit());
            for (int i = 0; i < setups.size(); i++) {
                double value = row.values().get(i);
                if (!Double.isNaN(value)) {
                    figure.put(setups.get(i), Figures.round(value));
                    if (i > 0 && !Double.isNaN(row.ratio(i))) {
                        figure.put(setups.get(i) + " ratio", Figures.round(row.ratio(i)));
                    }
                }
            }
            list.add(figure);
        }
        map.put("figures", list);
        return map;
    }

    private static String ratio(Row row, int i) {
        double ratio = row.ratio(i);
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
