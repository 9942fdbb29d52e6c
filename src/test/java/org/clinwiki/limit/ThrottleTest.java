package org.clinwiki.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinwiki.limit.TooManyRequestsException;
import org.junit.jupiter.api.Test;

/** A bucket per key: taking is atomic, refunds give attempts back, keys are bounded. */
class ThrottleTest {

    @Test
    void manyAtOnceTakeNoMoreThanTheCapacity() {
        Throttle throttle = new Throttle(5, Duration.ofHours(1));
        AtomicInteger taken = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
            for (int i = 0; i < 40; i++) {
                pool.submit(() -> {
                    try {
                        throttle.take("account:target", "too_many", "Too many.");
                        taken.incrementAndGet();
                    } catch (TooManyRequestsException refused) {
                        // counted by the total below
                    }
                });
            }
        }
        assertThat(taken.get()).isEqualTo(5);
    }

    @Test
    void aRefundGivesTheAttemptBack() {
        Throttle throttle = new Throttle(1, Duration.ofHours(1));
        throttle.take("k", "too_many", "Too many.");
        throttle.refund("k");
        throttle.take("k", "too_many", "Too many.");
        assertThatThrownBy(() -> throttle.take("k", "too_many", "Too many."))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("Try again in")
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds().getAsLong()).isPositive());
    }

    @Test
    void aKeyLongerThanAnyCheckedInputIsABug() {
        Throttle throttle = new Throttle(1, Duration.ofHours(1));
        assertThatThrownBy(() -> throttle.take("account:" + "x".repeat(Throttle.MAX_KEY_LENGTH), "c", "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
