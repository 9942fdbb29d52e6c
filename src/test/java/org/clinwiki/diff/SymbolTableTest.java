package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolTableTest {

    @Test
    void equalTextsGetEqualSymbolsAcrossTexts() {
        SymbolTable table = new SymbolTable();
        int[] first = table.encode(Spans.lines("a\nb\na\n"));
        int[] second = table.encode(Spans.lines("b\n\nc"));
        assertThat(first).containsExactly(0, 1, 0, 2);
        assertThat(second).containsExactly(1, 2, 3);
        assertThat(table.size()).isEqualTo(4);
    }

    @Test
    void linesMadeToCollideForStringHashCodeStillTakeAboutOneProbeEach() {
        // "Aa" and "BB" have the same String.hashCode, so all 2^16 lines made of 16 of them do too:
        // a table keyed on that hash would take quadratic time to number them.
        List<String> lines = new ArrayList<>();
        for (int bits = 0; bits < 1 << 16; bits++) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 16; k++) {
                line.append((bits >> k & 1) == 0 ? "Aa" : "BB");
            }
            lines.add(line.toString());
        }
        assertThat(lines.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        SymbolTable table = new SymbolTable();

        int[] symbols = table.encode(Spans.lines(String.join("\n", lines)));

        assertThat(table.size()).isEqualTo(lines.size());
        assertThat(symbols[12_345]).isEqualTo(12_345);
        assertThat(table.probes()).isLessThan(4L * lines.size());
    }
}
