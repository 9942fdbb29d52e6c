package org.clinwiki.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load: {@code clients} threads, each with its own connection, ask for
 * {@code url(n)} (n random) back to back, first for a warm-up second, then for the measured
 * duration. Also reads how much CPU the server process spent per measured request.
 */
record HttpLoad(Latencies latencies, double rate, Map<String, Double> cpuMicrosPerRequest) {

    private static final long WARM_UP_NANOS = 1_000_000_000L;

    static HttpLoad run(long serverPid, int clients, Duration duration, IntFunction<String> url) throws Exception {
        return run(serverPid, clients, duration, url, List.of(), 200);
    }

    /** {@link #run}, sending {@code headers} (name, value, …) with each request and expecting {@code status} (a 304, say). */
    static HttpLoad run(long serverPid, int clients, Duration duration, IntFunction<String> url, List<String> headers, int status)
            throws Exception {
        return run(CpuMeter.of(serverPid), clients, duration, url, headers, status);
    }

    /** {@link #run}, reading the CPU time of the processes {@code cpu} names (servers, PostgreSQL, HAProxy). */
    static HttpLoad run(CpuMeter cpu, int clients, Duration duration, IntFunction<String> url) throws Exception {
        return run(cpu, clients, duration, url, List.of(), 200);
    }

    private static HttpLoad run(CpuMeter cpu, int clients, Duration duration, IntFunction<String> url, List<String> headers, int status)
            throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong counter = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        long until = warmUntil + duration.toNanos();
        Map<String, Map<Long, Long>> ticksBefore;
        Map<String, Map<Long, Long>> ticksAfter;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                running.add(pool.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    Random random = new Random(seed);
                    while (System.nanoTime() < until) {
                        long t = System.nanoTime();
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(random.nextInt(1 << 20))))
                                .header("Accept-Encoding", "identity");
                        for (int h = 0; h + 1 < headers.size(); h += 2) {
                            request.header(headers.get(h), headers.get(h + 1));
                        }
                        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t;
                        if (response.statusCode() != status) {
                            throw new IllegalStateException(response.statusCode() + " from " + response.uri());
                        }
                        if (t >= warmUntil) {
                            latencies.add(took);
                            counter.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(Math.max(0, (warmUntil - System.nanoTime()) / 1_000_000));
            ticksBefore = cpu.read();
            for (Future<?> future : running) {
                future.get();
            }
            ticksAfter = cpu.read();
        } finally {
            pool.shutdown();
        }
        return new HttpLoad(latencies, counter.get() / (duration.toNanos() / 1e9),
                CpuMeter.microsPerRequest(ticksBefore, ticksAfter, counter.get()));
    }

    /** CPU time per measured request, all the processes read together. */
    double serverCpuMicrosPerRequest() {
        return cpuMicrosPerRequest.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
