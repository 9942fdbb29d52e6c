package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.clinwiki.cluster.Health;

/**
 * {@code GET /health} for load balancers (readiness: 200 when the database answers, 503 when it
 * does not, with how far this node's search index is behind) and {@code GET /health/live}
 * (liveness: the process answers HTTP, nothing else is asked). Neither looks at who is asking.
 */
final class HealthApi {

    /** The readiness answer; {@code indexLag} and {@code latestChange} are null when the database is down. */
    record HealthJson(String status, String database, Long indexLag, long appliedChange, Long latestChange, String version) {
    }

    record LiveJson(String status, String version) {
    }

    private final Health health;

    HealthApi(Health health) {
        this.health = health;
    }

    void health(Context ctx) throws InterruptedException {
        Health.Report report = health.check();
        Long latest = report.latestChange().isPresent() ? report.latestChange().getAsLong() : null;
        Long lag = report.indexLag().isPresent() ? report.indexLag().getAsLong() : null;
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.databaseUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(new HealthJson(report.databaseUp() ? "ok" : "unavailable", report.databaseUp() ? "up" : "down", lag,
                        report.appliedChange(), latest, report.version()));
    }

    void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(new LiveJson("ok", Health.buildVersion()));
    }
}
