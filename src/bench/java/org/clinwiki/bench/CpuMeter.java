package org.clinwiki.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the CPU time of named groups of processes (the servers, PostgreSQL and its backends,
 * HAProxy) before and after a measurement. A group names its processes when read, so backends
 * PostgreSQL starts meanwhile are counted from the next reading on; a process seen only once
 * (started or ended in between) counts for nothing.
 */
final class CpuMeter {

    private final Map<String, Supplier<List<Long>>> groups;

    private CpuMeter(Map<String, Supplier<List<Long>>> groups) {
        this.groups = groups;
    }

    /** One process, the server. */
    static CpuMeter of(long pid) {
        return new CpuMeter(Map.of("server", () -> List.of(pid)));
    }

    /** Groups by name, read in this order; each supplier lists the group's processes now. */
    static CpuMeter of(Map<String, Supplier<List<Long>>> groups) {
        return new CpuMeter(new LinkedHashMap<>(groups));
    }

    /** Ticks (1/100 s) per process of each group, now. */
    Map<String, Map<Long, Long>> read() {
        Map<String, Map<Long, Long>> reading = new LinkedHashMap<>();
        groups.forEach((name, pids) -> {
            Map<Long, Long> ticks = new LinkedHashMap<>();
            for (long pid : pids.get()) {
                try {
                    ticks.put(pid, Processes.cpuTicks(pid));
                } catch (IOException | RuntimeException gone) {
                    // Ended since it was listed: counts for nothing.
                }
            }
            reading.put(name, ticks);
        });
        return reading;
    }

    /** CPU microseconds per request of each group between two readings, over {@code requests}. */
    static Map<String, Double> microsPerRequest(Map<String, Map<Long, Long>> before, Map<String, Map<Long, Long>> after, long requests) {
        Map<String, Double> micros = new LinkedHashMap<>();
        before.forEach((name, ticksBefore) -> {
            Map<Long, Long> ticksAfter = after.getOrDefault(name, Map.of());
            long spent = 0;
            for (Map.Entry<Long, Long> process : ticksBefore.entrySet()) {
                Long now = ticksAfter.get(process.getKey());
                if (now != null) {
                    spent += now - process.getValue();
                }
            }
            micros.put(name, spent * 10_000.0 / Math.max(1, requests));
        });
        return micros;
    }

    /** A process and all it has started, as they are now (PostgreSQL: the postmaster and its backends). */
    static List<Long> tree(long pid) {
        return ProcessHandle.of(pid).map(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
                .map(ProcessHandle::pid).toList()).orElse(List.of());
    }
}
