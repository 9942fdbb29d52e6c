package org.clinwiki.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** How the hostile benchmark loads a server: heavy requests with probes beside them, and bursts sent all at once. */
final class Bursts {

    private Bursts() {
    }

    interface Call {
        Object run() throws Exception;
    }

    interface Request<T> {
        HttpResponse<String> send(T input) throws Exception;
    }

    /** Runs {@code heavy} on {@code threads} threads; while any runs, repeats {@code probe}. */
    static void underLoad(int threads, Call heavy, Call probe) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(heavy::run));
            }
            while (running.stream().anyMatch(future -> !future.isDone())) {
                probe.run();
                Thread.sleep(20);
            }
            for (Future<Object> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Sends all at once; returns how many got each status (-1: no answer), their latencies into {@code times}. */
    static <T> Map<Integer, Integer> allAtOnce(List<T> inputs, Request<T> request, Latencies times) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(inputs.size())) {
            for (T input : inputs) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    try {
                        return request.send(input).statusCode();
                    } catch (Exception e) {
                        return -1;
                    } finally {
                        times.add(System.nanoTime() - start);
                    }
                }, pool));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            answers.forEach(answer -> statuses.merge(answer.join(), 1, Integer::sum));
            return statuses;
        }
    }

    /** How long one call took, in nanoseconds. */
    static long time(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }
}
