package org.clinwiki.user;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.clinwiki.limit.Gate;

/**
 * Slow, salted password hashing: Argon2id with 19 MiB of memory and two passes (OWASP's
 * minimum recommendation), about 50-80 ms per hash on this class of machine. Each stored
 * hash carries its own parameters, so raising them later does not break old hashes.
 *
 * <p>Every hash and check passes one {@link Gate}: each takes 19 MiB of heap, so a burst of
 * logins waits its turn, or is told to come back, instead of running all at once and
 * exhausting the memory. Thread-safe.
 */
public final class Passwords {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    /** Heap one hash may use at most, as a share of the whole: a quarter, so caches and requests keep the rest. */
    private static final int HEAP_SHARE = 4;
    private static final int MAX_WAITING = 32;
    private static final Duration MAX_WAIT = Duration.ofSeconds(3);

    private final Argon2Function argon2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    private final Gate gate;
    /**
     * Verified against when a user name is unknown, so that a wrong name costs the same time as
     * a wrong password. Hashed in the background: on the main thread it was a tenth of the
     * server's start.
     */
    private final CompletableFuture<String> decoy = CompletableFuture.supplyAsync(
            () -> Password.hash("decoy password, never valid").addRandomSalt(SALT_BYTES).with(argon2).getResult(),
            task -> Thread.ofVirtual().name("password-decoy").start(task));

    /** As many hashes at once as there are cores, or fewer when a quarter of the heap holds fewer. */
    public Passwords() {
        this(new Gate("Checking passwords", concurrentHashes(Runtime.getRuntime().maxMemory(),
                Runtime.getRuntime().availableProcessors()), MAX_WAITING, MAX_WAIT));
    }

    public Passwords(Gate gate) {
        this.gate = gate;
    }

    static int concurrentHashes(long maxHeapBytes, int cores) {
        long byMemory = maxHeapBytes / HEAP_SHARE / (MEMORY_KIB * 1024L);
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    public String hash(String password) {
        return gate.call(() -> Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult());
    }

    public boolean verify(String password, String storedHash) {
        return gate.call(() -> {
            try {
                return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
            } catch (RuntimeException malformedHash) {
                return false;
            }
        });
    }

    /** Spends the time of one verification and fails; for unknown accounts. */
    public boolean verifyNothing(String password) {
        verify(password, decoy.join());
        return false;
    }
}
