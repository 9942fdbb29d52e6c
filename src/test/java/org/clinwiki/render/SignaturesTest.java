package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T14:05:59Z");
    private static final String USER = "[[User:Alice|Alice Smith]]";
    private static final String TIME = "14:05, 5 December 2026 (UTC)";
    private static final String FULL = USER + " ([[User talk:Alice|talk]]) " + TIME;

    private static String expand(String markdown) {
        return Signatures.expand(markdown, "Alice", "Alice Smith", NOW);
    }

    @Test
    void fourTildesAreUserTalkAndTime() {
        assertThat(expand("I agree. ~~~~")).isEqualTo("I agree. " + FULL);
    }

    @Test
    void threeTildesAreTheUserAloneAndFiveTheTimeAlone() {
        assertThat(expand("As ~~~ wrote")).isEqualTo("As " + USER + " wrote");
        assertThat(expand("Updated ~~~~~")).isEqualTo("Updated " + TIME);
    }

    @Test
    void signatureOnItsOwnLineAfterAParagraphIsExpandedNotAFence() {
        assertThat(expand("Support merging.\n~~~~\n\n## Reply\n:Oppose. ~~~~"))
                .isEqualTo("Support merging.\n" + FULL + "\n\n## Reply\n:Oppose. " + FULL);
    }

    @Test
    void signaturesAreExpandedWhereverTheyStandOutsideCode() {
        assertThat(expand("~~~~~~~~~")).isEqualTo("~~~~~~~~~");
        assertThat(expand("a~~~~b ~~ c ~~~~~~")).isEqualTo("a" + FULL + "b ~~ c ~~~~~~");
    }

    @Test
    void tildesInFencedCodeAreLeftAlone() {
        String page = "Sign with:\n\n```\n~~~~\n```\n\nDone ~~~~";
        assertThat(expand(page)).isEqualTo("Sign with:\n\n```\n~~~~\n```\n\nDone " + FULL);
    }

    @Test
    void tildesInATildeFenceWithAnInfoStringAreLeftAlone() {
        String page = "~~~ text\nSign with ~~~~\n~~~\n~~~~";
        assertThat(expand(page)).isEqualTo("~~~ text\nSign with ~~~~\n~~~\n" + FULL);
    }

    @Test
    void tildesInInlineCodeAreLeftAlone() {
        assertThat(expand("Type `~~~~` to sign. ~~~~")).isEqualTo("Type `~~~~` to sign. " + FULL);
    }

    @Test
    void unsafeOrBlankDisplayNameFallsBackToTheUserName() {
        assertThat(Signatures.expand("~~~", "Bob", "[[Evil]]", NOW)).isEqualTo("[[User:Bob|Bob]]");
        assertThat(Signatures.expand("~~~", "Bob", "a|b", NOW)).isEqualTo("[[User:Bob|Bob]]");
        assertThat(Signatures.expand("~~~", "Bob", "<b>", NOW)).isEqualTo("[[User:Bob|Bob]]");
        assertThat(Signatures.expand("~~~", "Bob", "{{x}}", NOW)).isEqualTo("[[User:Bob|Bob]]");
        assertThat(Signatures.expand("~~~", "Bob", "two\nlines", NOW)).isEqualTo("[[User:Bob|Bob]]");
        assertThat(Signatures.expand("~~~", "Bob", "  ", NOW)).isEqualTo("[[User:Bob|Bob]]");
        assertThat(Signatures.expand("~~~", "Bob", null, NOW)).isEqualTo("[[User:Bob|Bob]]");
    }

    @Test
    void timeIsUtcWithAnEnglishMonthAndNoLeadingZeroOnTheDay() {
        assertThat(Signatures.expand("~~~~~", "Bob", "Bob", Instant.parse("2027-03-01T00:07:00Z")))
                .isEqualTo("00:07, 1 March 2027 (UTC)");
    }

    @Test
    void textWithoutSignaturesIsReturnedAsIs() {
        String page = "No ~~strike~~ signatures here.";
        assertThat(expand(page)).isSameAs(page);
        String code = "`~~~~`";
        assertThat(expand(code)).isSameAs(code);
    }

    @Test
    void aLineStartingWithTildesAndTextOpensAFenceAsInCommonMark() {
        String page = "~~~~ I agree\n\nMore ~~~~";
        assertThat(expand(page)).isSameAs(page);
    }

    @Test
    void aMebibyteOfTildesIsLeftAlone() {
        String tildes = "~".repeat(1 << 20);
        String page = "Rule: " + tildes;
        assertThat(expand(page)).isSameAs(page);
        assertThat(expand(page + " ~~~~")).isEqualTo(page + " " + FULL);
        assertThat(expand(tildes + "\n~~~~")).isEqualTo(tildes + "\n~~~~");
    }

    @Test
    void manySignaturesExpandInOnePass() {
        String page = "ok ~~~~\n".repeat(100_000);
        String expanded = expand(page);
        assertThat(expanded).startsWith("ok " + FULL + "\nok ").doesNotContain("~~~");
        assertThat(expanded.length()).isEqualTo(page.length() + 100_000 * (FULL.length() - 4));
    }
}
