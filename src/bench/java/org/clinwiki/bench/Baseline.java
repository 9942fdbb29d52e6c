package org.clinwiki.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline's figures: a bare Javalin process ({@link BaselineServer}) serving the answers
 * Clinwiki gave, from memory, measured exactly as the server is, with the same JVM options.
 */
record Baseline(double startSeconds, HttpLoad views, HttpLoad firstSearch, HttpLoad search, HttpLoad suggest, Saves saves,
                double peakRssMb) {

    static Baseline measure(HttpClient client, Path recorded, LoadBenchmark.Plan plan) throws Exception {
        long started = System.nanoTime();
        Process process = Processes.start(LoadBenchmark.SERVER_JVM, BaselineServer.class, List.of(recorded.toString()));
        try {
            String base = "http://127.0.0.1:" + Processes.port(process);
            while (LoadBenchmark.get(client, base + "/page/0").statusCode() != 200) {
                Thread.sleep(10);
            }
            double startSeconds = (System.nanoTime() - started) / 1e9;
            long pid = process.pid();
            HttpLoad views = HttpLoad.run(pid, plan.connections(), plan.duration(), n -> base + "/page/" + n);
            HttpLoad firstSearch = HttpLoad.run(pid, plan.searchClients(), plan.searchWarmUp(), n -> base + "/search/" + n);
            HttpLoad search = HttpLoad.run(pid, plan.searchClients(), plan.duration(), n -> base + "/search/" + n);
            HttpLoad suggest = HttpLoad.run(pid, 1, plan.duration().dividedBy(2), n -> base + "/suggest/" + n);
            Saves saves = Saves.measureBaseline(client, base, LoadBenchmark.SAVES);
            return new Baseline(startSeconds, views, firstSearch, search, suggest, saves, Processes.peakRssMb(pid));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
