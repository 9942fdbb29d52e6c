package org.clinwiki.bench;

import java.util.Arrays;

/** Response times of one benchmark run, in nanoseconds, and their percentiles. Thread-safe. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The {@code q} quantile (0..1) in milliseconds, nearest-rank. */
    public synchronized double percentileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    /** "p50 1.23 ms, p99 4.56 ms, max 7.89 ms (n=2000)". */
    public String summary() {
        return String.format("p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %7.2f ms   (n=%d)",
                percentileMillis(0.50), percentileMillis(0.90), percentileMillis(0.99), percentileMillis(1.0), count());
    }
}
