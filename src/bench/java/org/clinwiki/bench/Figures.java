package org.clinwiki.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's table: each figure beside the baseline measured in the same run, their
 * ratio, and the target where the issue sets one. Printed for people, mapped for JSON.
 */
public final class Figures {

    /** One row. {@code baseline} is NaN where nothing comparable was measured. */
    public record Figure(String name, String unit, double value, double baseline, String target, Verdict verdict) {

        /** Clinwiki's figure divided by the baseline's. */
        public double ratio() {
            return value / baseline;
        }
    }

    /** Whether a figure meets its target; {@code NONE} where there is no target. */
    public enum Verdict {
        MET("yes"), MISSED("no"), NONE("");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    private final List<Figure> rows = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    /** Something about the run (pages, cores, Java), not a measurement. */
    public void fact(String name, Object value) {
        facts.put(name, value);
    }

    public void add(String name, String unit, double value, double baseline) {
        rows.add(new Figure(name, unit, value, baseline, "", Verdict.NONE));
    }

    public void add(String name, String unit, double value, double baseline, String target, boolean met) {
        rows.add(new Figure(name, unit, value, baseline, target, Verdict.of(met)));
    }

    /** The p50 and p99 of {@code clinwiki} beside the baseline's. */
    public void latencies(String name, Latencies clinwiki, Latencies baseline) {
        latencies(name, clinwiki, baseline, Double.NaN, "", 0);
    }

    /** The p50 and p99; the one at {@code targetQuantile} (0.5 or 0.99) is met at most {@code limitMillis}. */
    public void latencies(String name, Latencies clinwiki, Latencies baseline, double targetQuantile, String target,
                          double limitMillis) {
        for (double quantile : new double[] {0.5, 0.99}) {
            String row = name + (quantile == 0.5 ? " p50" : " p99");
            double value = clinwiki.percentileMillis(quantile);
            if (quantile == targetQuantile) {
                add(row, "ms", value, baseline.percentileMillis(quantile), target, value <= limitMillis);
            } else {
                add(row, "ms", value, baseline.percentileMillis(quantile));
            }
        }
    }

    public List<Figure> rows() {
        return List.copyOf(rows);
    }

    public void print(PrintWriter out) {
        out.println();
        facts.forEach((name, value) -> out.printf(Locale.ROOT, "%s: %s%n", name, value));
        out.println();
        String format = "%-60s %10s %10s %7s  %-24s %s%n";
        out.printf(Locale.ROOT, format, "figure", "Clinwiki", "baseline", "ratio", "target", "met");
        for (Figure row : rows) {
            out.printf(Locale.ROOT, format, row.name() + " (" + row.unit() + ")", number(row.value()), number(row.baseline()),
                    Double.isNaN(row.baseline()) ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()), row.target(),
                    row.verdict().label);
        }
        out.flush();
    }

    /** The table as JSON-ready maps: the run's facts, then one object per figure. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(facts);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure row : rows) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("figure", row.name());
            figure.put("unit", row.unit());
            figure.put("clinwiki", round(row.value()));
            if (!Double.isNaN(row.baseline())) {
                figure.put("baseline", round(row.baseline()));
                figure.put("ratio", round(row.ratio()));
            }
            if (row.verdict() != Verdict.NONE) {
                figure.put("target", row.target());
                figure.put("met", row.verdict() == Verdict.MET);
            }
            list.add(figure);
        }
        map.put("figures", list);
        return map;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
