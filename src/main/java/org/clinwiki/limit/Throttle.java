package org.clinwiki.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A token bucket per key (an account, an address, a user): {@code capacity} tokens, refilled
 * evenly over {@code period}. Buckets of keys not seen for a period are forgotten, so memory
 * stays bounded by recent activity and by {@value #MAX_KEYS} keys of at most
 * {@value #MAX_KEY_LENGTH} characters. Thread-safe: taking a token is atomic, so many requests
 * at once cannot all pass a bucket that has one token left.
 */
public final class Throttle {

    static final long MAX_KEYS = 100_000;
    static final int MAX_KEY_LENGTH = 200;

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public Throttle(long capacity, Duration period) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A throttle needs a capacity of at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.period = period;
        // A key idle for a whole period has a full bucket again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(MAX_KEYS).build();
    }

    /** Takes a token for {@code key}, or refuses with 429 {@code code} when there is none. */
    public void take(String key, String code, String message) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long nanos = probe.getNanosToWaitForRefill();
            long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
            throw new TooManyRequestsException(code, message + " Try again in " + seconds + " s.", seconds);
        }
    }

    /** Gives back a token taken for an attempt that turned out not to count (a correct password). */
    public void refund(String key) {
        bucket(key).addTokens(1);
    }

    private Bucket bucket(String key) {
        // Keys come from checked input (user names, addresses, ids); a long one is a bug, not a key to keep.
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Throttle key longer than " + MAX_KEY_LENGTH + " characters");
        }
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
    }
}
