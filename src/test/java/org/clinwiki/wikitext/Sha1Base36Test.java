package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha1Base36Test {

    @Test
    void matchesMediaWikisChecksumOfTheEmptyText() {
        // The <sha1> of every empty revision in Wikimedia's dumps.
        assertThat(Sha1Base36.of("")).isEqualTo("phoiac9h4m842xq45sp7s6u21eteeq1");
    }

    @Test
    void isTheSha1OfTheUtf8BytesInBase36PaddedTo31Digits() {
        // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d, which is this in base 36.
        assertThat(Sha1Base36.of("abc")).isEqualTo(new java.math.BigInteger("a9993e364706816aba3e25717850c26c9cd0d89d", 16)
                .toString(36));
        assertThat(Sha1Base36.of("é")).hasSize(31).isNotEqualTo(Sha1Base36.of("e"));
        for (int i = 0; i < 2000; i++) {
            assertThat(Sha1Base36.of("text " + i)).hasSize(31).matches("[0-9a-z]{31}");
        }
    }
}
