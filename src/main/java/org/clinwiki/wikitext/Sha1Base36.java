package org.clinwiki.wikitext;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MediaWiki's revision checksum ({@code rev_sha1}, the {@code <sha1>} of a dump): the SHA-1 of the
 * text's UTF-8 bytes written in base 36 and left-padded with {@code 0} to 31 digits. Lets an
 * importer check that a revision's text arrived whole.
 */
public final class Sha1Base36 {

    // 36^31 > 2^160 > 36^30: every SHA-1 fits in 31 base-36 digits, and MediaWiki pads to that.
    private static final int DIGITS = 31;

    private Sha1Base36() {
    }

    public static String of(String text) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
        String digits = new BigInteger(1, sha1.digest(text.getBytes(StandardCharsets.UTF_8))).toString(36);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }
}
