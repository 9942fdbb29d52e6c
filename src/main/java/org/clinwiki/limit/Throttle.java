package org.clinwiki.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.clinwiki.db.Database;

/**
 * A token bucket per key (an account, an address, a user): {@code capacity} tokens, refilled
 * evenly over {@code period}. Buckets of keys not seen for a period are forgotten, so memory
 * stays bounded by recent activity and by {@value #MAX_KEYS} keys of at most
 * {@value #MAX_KEY_LENGTH} characters. Thread-safe: taking a token is atomic, so many requests
 * at once cannot all pass a bucket that has one token left.
 *
 * <p>A throttle {@linkplain #shared shared} by the nodes of a wiki on PostgreSQL keeps its buckets
 * in the database instead, so a limit holds across every node: five failed logins spread over
 * three nodes are five, not five per node.
 */
public final class Throttle {

    private static final long FORGET_EVERY = 1_000;

    static final long MAX_KEYS = 100_000;
    static final int MAX_KEY_LENGTH = 200;

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;
    private final Stored stored;

    /** A throttle of this node alone, its buckets in memory. */
    public Throttle(long capacity, Duration period) {
        this(capacity, period, null);
    }

    private Throttle(long capacity, Duration period, Stored stored) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A throttle needs a capacity of at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.period = period;
        // A key idle for a whole period has a full bucket again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(MAX_KEYS).build();
        this.stored = stored;
    }

    /**
     * A throttle every node of the wiki shares, named {@code scope}: in the database on PostgreSQL;
     * in memory on SQLite, whose one server is the only node.
     */
    public static Throttle shared(Database database, String scope, long capacity, Duration period, Clock clock) {
        if (database.dialect() == Database.Dialect.SQLITE) {
            return new Throttle(capacity, period);
        }
        return new Throttle(capacity, period, new Stored(database, scope, clock, new AtomicLong()));
    }

    /** Takes a token for {@code key}, or refuses with 429 {@code code} when there is none. */
    public void take(String key, String code, String message) {
        checkKey(key);
        long seconds;
        if (stored != null) {
            ThrottleStore.Taken taken = stored.take(key, capacity, period);
            if (taken.granted()) {
                return;
            }
            double millis = (1 - taken.tokens()) * period.toMillis() / capacity;
            seconds = Math.max(1, (long) Math.ceil(millis / 1000));
        } else {
            ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        }
        throw new TooManyRequestsException(code, message + " Try again in " + seconds + " s.", seconds);
    }

    /** Gives back a token taken for an attempt that turned out not to count (a correct password). */
    public void refund(String key) {
        checkKey(key);
        if (stored != null) {
            stored.refund(key, capacity);
        } else {
            bucket(key).addTokens(1);
        }
    }

    /** The buckets of a shared throttle, one row each; untouched ones are deleted now and then. */
    private record Stored(Database database, String scope, Clock clock, AtomicLong takes) {

        ThrottleStore.Taken take(String key, long capacity, Duration period) {
            long now = clock.millis();
            double perMilli = (double) capacity / period.toMillis();
            ThrottleStore.Taken taken = database.writeAside(tx -> tx.attach(ThrottleStore.class).take(scope, key, capacity,
                    perMilli, now));
            if (takes.incrementAndGet() % FORGET_EVERY == 0) {
                database.writeAside(tx -> tx.attach(ThrottleStore.class).forget(scope, now - period.toMillis()));
            }
            return taken;
        }

        void refund(String key, long capacity) {
            database.writeAside(tx -> {
                tx.attach(ThrottleStore.class).refund(scope, key, capacity);
                return null;
            });
        }
    }

    private static void checkKey(String key) {
        // Keys come from checked input (user names, addresses, ids); a long one is a bug, not a key to keep.
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Throttle key longer than " + MAX_KEY_LENGTH + " characters");
        }
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
    }
}
