package org.clinwiki.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets for bearer tokens and one-time passwords. A token has 256 random bits, so a
 * fast hash (SHA-256) is enough to store it: there is nothing to guess.
 */
public final class Tokens {

    private static final String PREFIX = "cw_";
    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        return PREFIX + randomBase64(32);
    }

    /** A password for a new administrator: 18 random bytes, readable, no confusable symbols. */
    public String newPassword() {
        return randomBase64(18).replace('-', 'x').replace('_', 'y');
    }

    /** Fresh random bytes, for one-time masks. */
    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private String randomBase64(int bytes) {
        byte[] secret = new byte[bytes];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
