package org.clinwiki.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupTableTest {

    private final SetupTable table = new SetupTable(List.of("SQLite", "PG 1", "PG 2"));

    @Test
    void eachSetupIsComparedWithTheFirst() {
        table.add("page views", "req/s", 2000, 1500, 1000);
        SetupTable.Row row = table.rows().get(0);
        assertThat(row.ratio(1)).isEqualTo(0.75);
        assertThat(row.ratio(2)).isEqualTo(0.5);
    }

    @Test
    void markdownHasAValueAndARatioPerSetupAndLeavesMissingFiguresBlank() {
        table.add("page views", "req/s", 2000, 1500, 1000);
        table.add("edit on the other node p50", "ms", 12.5, 20, Double.NaN);
        assertThat(table.markdown()).isEqualTo("""
                | figure | SQLite | PG 1 | ratio | PG 2 | ratio |
                |---|---:|---:|---:|---:|---:|
                | page views (req/s) | 2,000 | 1,500 | 0.75 | 1,000 | 0.50 |
                | edit on the other node p50 (ms) | 12.50 | 20.00 | 1.60 |  |  |
                """);
    }

    @Test
    void printsAndMapsTheSameFigures() {
        table.fact("pages", 2000);
        table.add("search p99", "ms", 4, 6, 0);
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        assertThat(text.toString()).contains("pages: 2000").contains("search p99 (ms)").contains("1.50");
        Map<String, Object> map = table.toMap();
        assertThat(map).containsEntry("pages", 2000).containsEntry("setups", List.of("SQLite", "PG 1", "PG 2"));
        @SuppressWarnings("unchecked")
        Map<String, Object> figure = ((List<Map<String, Object>>) map.get("figures")).get(0);
        assertThat(figure).containsEntry("SQLite", 4.0).containsEntry("PG 1", 6.0).containsEntry("PG 1 ratio", 1.5)
                .containsEntry("PG 2", 0.0).containsEntry("PG 2 ratio", 0.0);
    }

    @Test
    void aRowNeedsOneValuePerSetup() {
        assertThatThrownBy(() -> table.add("page views", "req/s", 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetupTable(List.of("alone"))).isInstanceOf(IllegalArgumentException.class);
    }
}
