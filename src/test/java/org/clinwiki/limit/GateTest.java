package org.clinwiki.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinwiki.limit.ServerBusyException;
import org.junit.jupiter.api.Test;

/** Slow work runs a bounded number at a time; a few more wait, the rest are told to come back. */
class GateTest {

    @Test
    void noMoreRunAtOnceThanThereArePermits() throws Exception {
        Gate gate = new Gate("Testing", 2, 100, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 64; i++) {
                pool.submit(() -> gate.call(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(2);
                    return running.decrementAndGet();
                }));
            }
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(gate.available()).isEqualTo(2);
    }

    @Test
    void beyondTheWaitingRoomWorkIsRefusedAtOnceWithRetryAfter() throws Exception {
        Gate gate = new Gate("Testing", 1, 1, Duration.ofSeconds(30));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> holder = pool.submit(() -> gate.call(() -> {
                holding.countDown();
                await(release);
                return 1;
            }));
            holding.await();
            Future<Integer> waiter = pool.submit(() -> gate.call(() -> 2));
            while (gate.waiting() == 0) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> gate.call(() -> 3)).isInstanceOf(ServerBusyException.class)
                    .satisfies(e -> assertThat(((ServerBusyException) e).retryAfterSeconds()).hasValue(1));
            release.countDown();
            assertThat(holder.get()).isEqualTo(1);
            assertThat(waiter.get()).isEqualTo(2);
        }
    }

    @Test
    void waitingRunsOutAfterTheLongestWait() {
        Gate gate = new Gate("Testing", 1, 10, Duration.ofMillis(50));
        assertThatThrownBy(() -> gate.call(() -> gate.call(() -> 1))).isInstanceOf(ServerBusyException.class);
        assertThat(gate.available()).as("the permit came back").isEqualTo(1);
    }

    @Test
    void aFailingTaskGivesItsPermitBack() {
        Gate gate = new Gate("Testing", 1, 0, Duration.ZERO);
        assertThatThrownBy(() -> gate.call(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(gate.call(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
