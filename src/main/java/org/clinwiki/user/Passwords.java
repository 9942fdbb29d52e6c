package org.clinwiki.user;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.CompletableFuture;

/**
 * Slow, salted password hashing: Argon2id with 19 MiB of memory and two passes (OWASP's
 * minimum recommendation), about 50-80 ms per hash on this class of machine. Each stored
 * hash carries its own parameters, so raising them later does not break old hashes.
 * Thread-safe.
 */
public final class Passwords {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function argon2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    /**
     * Verified against when a user name is unknown, so that a wrong name costs the same time as
     * a wrong password. Hashed in the background: on the main thread it was a tenth of the
     * server's start.
     */
    private final CompletableFuture<String> decoy = CompletableFuture.supplyAsync(
            () -> hash("decoy password, never valid"), task -> Thread.ofVirtual().name("password-decoy").start(task));

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    public boolean verify(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Spends the time of one verification and fails; for unknown accounts. */
    public boolean verifyNothing(String password) {
        verify(password, decoy.join());
        return false;
    }
}
