package org.clinwiki.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void eachFigureIsPrintedAndMappedBesideItsBaselineWithTheRatioAndVerdict() {
        Figures figures = new Figures();
        figures.fact("pages", 20000);
        figures.add("page views", "req/s", 1800, 2400, "≥ 0.70 of baseline", 1800 >= 0.7 * 2400);
        figures.add("search p99", "ms", 25, 5, "≤ 20", false);
        figures.add("first start", "s", 3.5, Double.NaN);

        Map<String, Object> map = figures.toMap();
        assertThat(map).containsEntry("pages", 20000);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) map.get("figures");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("clinwiki", 1800.0).containsEntry("baseline", 2400.0)
                .containsEntry("ratio", 0.75).containsEntry("met", true);
        assertThat(rows.get(1)).containsEntry("ratio", 5.0).containsEntry("met", false);
        assertThat(rows.get(2)).doesNotContainKeys("baseline", "ratio", "met");

        StringWriter printed = new StringWriter();
        figures.print(new PrintWriter(printed));
        assertThat(printed.toString()).contains("page views (req/s)", "1,800", "2,400", "0.75", "yes")
                .contains("search p99 (ms)", "25.00", "5.00", "no");
    }

    @Test
    void latenciesAreJudgedOnlyAtTheTargetsQuantile() {
        Latencies clinwiki = new Latencies();
        Latencies baseline = new Latencies();
        for (int i = 1; i <= 100; i++) {
            clinwiki.add(i * 1_000_000L);
            baseline.add(i * 100_000L);
        }
        Figures figures = new Figures();
        figures.latencies("save", clinwiki, baseline, 0.5, "≤ 60", 60);
        figures.latencies("view", clinwiki, baseline);

        assertThat(figures.rows()).extracting(Figures.Figure::name).containsExactly("save p50", "save p99", "view p50", "view p99");
        assertThat(figures.rows().get(0).value()).isEqualTo(50.0);
        assertThat(figures.rows().get(0).baseline()).isEqualTo(5.0);
        assertThat(figures.rows().get(0).verdict()).isEqualTo(Figures.Verdict.MET);
        assertThat(figures.rows().get(1).value()).isEqualTo(99.0);
        assertThat(figures.rows().subList(1, 4)).extracting(Figures.Figure::verdict).containsOnly(Figures.Verdict.NONE);
    }
}
