package org.clinwiki.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A health check answers in time whatever the database does, and checks that pile up share one query. */
class HealthDeadlineTest {

    @Test
    void reportsTheLagBehindTheDatabase() throws InterruptedException {
        Health.Report report = new Health(() -> 42, () -> 40, "1.2", Duration.ofSeconds(1)).check();
        assertThat(report.databaseUp()).isTrue();
        assertThat(report.latestChange()).hasValue(42);
        assertThat(report.indexLag()).hasValue(2);
        assertThat(new Health(() -> 40, () -> 42, "1.2", Duration.ofSeconds(1)).check().indexLag())
                .as("never negative, though the index may read the counter after the check").hasValue(0);
    }

    @Test
    void aFailingQueryMeansTheDatabaseIsDown() throws InterruptedException {
        Health.Report report = new Health(() -> {
            throw new IllegalStateException("connection refused");
        }, () -> 7, "1.2", Duration.ofSeconds(1)).check();
        assertThat(report.databaseUp()).isFalse();
        assertThat(report.latestChange()).isEmpty();
        assertThat(report.indexLag()).isEmpty();
        assertThat(report.appliedChange()).isEqualTo(7);
    }

    @Test
    void aHangingDatabaseIsDownAtTheDeadlineAndHoldsOneQueryForAllChecks() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger queries = new AtomicInteger();
        Health health = new Health(() -> {
            queries.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 5;
        }, () -> 5, "1.2", Duration.ofMillis(200));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(health.check().databaseUp()).isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(queries.get()).as("later checks joined the hanging query").isEqualTo(1);
        release.countDown();
        Thread.sleep(50);
        assertThat(health.check().databaseUp()).as("up again once it answers").isTrue();
    }

    @Test
    void theVersionIsDevOutsideAJar() {
        assertThat(Health.buildVersion()).isEqualTo("dev");
    }
}
