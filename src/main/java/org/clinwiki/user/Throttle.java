package org.clinwiki.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.clinwiki.TooManyRequestsException;

/**
 * A token bucket per key (an account, an address, a user): {@code capacity} tokens, refilled
 * evenly over {@code period}. Buckets of keys not seen for a period are forgotten, so memory
 * stays bounded by recent activity. Thread-safe.
 */
public final class Throttle {

    private static final long MAX_KEYS = 100_000;

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public Throttle(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        // A key idle for a whole period has a full bucket again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(MAX_KEYS).build();
    }

    /** Takes a token for {@code key}, or refuses with 429 {@code code} when there is none. */
    public void take(String key, String code, String message) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(code, message, probe.getNanosToWaitForRefill());
        }
    }

    /** Refuses with 429 {@code code} when {@code key} has no token left, without taking one. */
    public void check(String key, String code, String message) {
        var estimate = bucket(key).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw refusal(code, message, estimate.getNanosToWaitForRefill());
        }
    }

    /** Spends a token for {@code key} if there is one (a failure to count). */
    public void spend(String key) {
        bucket(key).tryConsume(1);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
    }

    private static TooManyRequestsException refusal(String code, String message, long nanosToWait) {
        long seconds = (nanosToWait + 999_999_999L) / 1_000_000_000L;
        return new TooManyRequestsException(code, message + " Try again in " + seconds + " s.", seconds);
    }
}
