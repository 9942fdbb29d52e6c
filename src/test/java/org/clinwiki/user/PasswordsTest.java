package org.clinwiki.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each Argon2 hash takes 19 MiB, so how many run at once follows the heap as well as the cores. */
class PasswordsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aSmallHeapHashesFewAtOnce() {
        assertThat(Passwords.concurrentHashes(160 * MIB, 2)).isEqualTo(2);
        assertThat(Passwords.concurrentHashes(160 * MIB, 16)).as("a quarter of 160 MiB holds two").isEqualTo(2);
        assertThat(Passwords.concurrentHashes(64 * MIB, 8)).as("always at least one").isEqualTo(1);
        assertThat(Passwords.concurrentHashes(6 * 1024 * MIB, 2)).as("never more than the cores").isEqualTo(2);
    }

    @Test
    void aHashChecksOnlyItsOwnPassword() {
        Passwords passwords = new Passwords();
        String hash = passwords.hash("a long test password 1");
        assertThat(passwords.verify("a long test password 1", hash)).isTrue();
        assertThat(passwords.verify("a long test password 2", hash)).isFalse();
        assertThat(passwords.verify("anything", "not a hash")).isFalse();
        assertThat(passwords.verifyNothing("anything")).isFalse();
    }
}
