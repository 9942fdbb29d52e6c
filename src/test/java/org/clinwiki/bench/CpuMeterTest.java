package org.clinwiki.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void countsOnlyProcessesReadBothTimesPerGroup() {
        Map<String, Map<Long, Long>> before = Map.of("servers", Map.of(1L, 100L, 2L, 50L), "postgres", Map.of(10L, 5L, 11L, 7L));
        // Process 11 ended, 12 started in between: neither counts.
        Map<String, Map<Long, Long>> after = Map.of("servers", Map.of(1L, 300L, 2L, 150L), "postgres", Map.of(10L, 25L, 12L, 90L));
        Map<String, Double> micros = CpuMeter.microsPerRequest(before, after, 1000);
        // 300 ticks of 10 ms over 1000 requests: 3 ms each.
        assertThat(micros).containsEntry("servers", 3000.0).containsEntry("postgres", 200.0);
    }

    @Test
    void noRequestsDoesNotDivideByZero() {
        Map<String, Double> micros = CpuMeter.microsPerRequest(Map.of("server", Map.of(1L, 0L)), Map.of("server", Map.of(1L, 2L)), 0);
        assertThat(micros).containsEntry("server", 20_000.0);
    }

    @Test
    void readsThisProcess() {
        long self = ProcessHandle.current().pid();
        assertThat(CpuMeter.tree(self)).startsWith(self);
        assertThat(CpuMeter.of(self).read().get("server")).containsKey(self);
        assertThat(CpuMeter.tree(Long.MAX_VALUE)).isEqualTo(List.of());
    }
}
