package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeRegionsTest {

    /** The code of {@code text} as the characters of code kept and the rest turned into dots. */
    private static String code(String text) {
        CodeRegions regions = CodeRegions.of(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(regions.contains(i) ? text.charAt(i) : '.');
        }
        return out.toString();
    }

    @Test
    void textWithoutCodeHasNone() {
        assertThat(code("Plain *text* and {{Template}}")).doesNotContainPattern("[^.]");
    }

    @Test
    void inlineSpanRunsFromItsBackticksToTheMatchingRun() {
        assertThat(code("a `b` c ``d ` e`` f")).isEqualTo("..`b`...``d ` e``..");
    }

    @Test
    void unmatchedRunIsNotCode() {
        assertThat(code("a ``b` c")).isEqualTo("........");
    }

    @Test
    void spanMayCrossALineButNotABlankLine() {
        assertThat(code("a `b\nc` d")).isEqualTo("..`b\nc`..");
        assertThat(code("a `b\n\nc` d")).isEqualTo("..........");
    }

    @Test
    void spanDoesNotCrossAHeading() {
        assertThat(code("a `b\n# c` d")).isEqualTo("...........");
        assertThat(code("# a `b` c")).isEqualTo("....`b`..");
    }

    @Test
    void fencedBlockIncludesItsFenceLines() {
        String text = "before\n```java\nint x;\n```\nafter";
        assertThat(code(text)).isEqualTo(".......```java\nint x;\n```......");
        CodeRegions regions = CodeRegions.of(text);
        assertThat(regions.end(7)).isEqualTo(text.indexOf("\nafter"));
        assertThat(regions.fenced(7)).isTrue();
    }

    @Test
    void fenceClosesOnlyOnARunOfTheSameCharacterAtLeastAsLong() {
        String text = "````\n```\n~~~~\n```` \nafter";
        assertThat(code(text)).isEqualTo("````\n```\n~~~~\n```` ......");
    }

    @Test
    void closingFenceWithTextAfterItDoesNotClose() {
        assertThat(CodeRegions.of("```\na\n``` b\nc").contains(12)).isTrue();
    }

    @Test
    void unclosedFenceRunsToTheEnd() {
        String text = "a\n~~~ python\nx = 1\n\nmore";
        CodeRegions regions = CodeRegions.of(text);
        assertThat(regions.contains(text.length() - 1)).isTrue();
        assertThat(regions.end(2)).isEqualTo(text.length());
    }

    @Test
    void fenceMayBeIndentedUpToThreeSpaces() {
        assertThat(CodeRegions.of("   ```\nx\n   ```").contains(7)).isTrue();
        assertThat(CodeRegions.of("    ```x\nx").contains(9)).isFalse();
    }

    @Test
    void backtickFenceWithABacktickInItsInfoIsAnInlineSpan() {
        assertThat(code("```a``` b\nc")).isEqualTo("```a```....");
    }

    @Test
    void aSignatureOnItsOwnLineNeverOpensAFence() {
        for (String line : new String[] {"~~~", "~~~~", "~~~~~", "  ~~~~  "}) {
            assertThat(code("Agreed.\n" + line + "\n\nNext paragraph")).as(line).doesNotContainPattern("[^.\n]");
        }
    }

    @Test
    void sixTildesOrAnInfoStringOpenATildeFence() {
        assertThat(CodeRegions.of("~~~~~~\n~~~~\nx").contains(9)).isTrue();
        assertThat(code("~~~ sh\nls ~~~~\n~~~\nafter")).isEqualTo("~~~ sh\nls ~~~~\n~~~......");
    }

    @Test
    void indentedCodeIsNotCode() {
        assertThat(code("- item\n\n    {{continuation}}")).doesNotContainPattern("[^.\n]");
    }

    @Test
    void endOutsideCodeIsTheIndexItself() {
        assertThat(CodeRegions.of("a `b` c").end(0)).isEqualTo(0);
        assertThat(CodeRegions.of("a `b` c").end(3)).isEqualTo(5);
    }

    @Test
    void aLineOfOneHundredThousandBackticksIsAnUnclosedFence() {
        String text = "`".repeat(100_000) + "\n## x";
        assertThat(CodeRegions.of(text).end(0)).isEqualTo(text.length());
    }

    @Test
    void oneHundredThousandBackticksAreOneUnmatchedRun() {
        String text = "a " + "`".repeat(100_000);
        assertThat(CodeRegions.of(text).contains(50_000)).isFalse();
        assertThat(CodeRegions.of(text + " x " + text).contains(100_003)).isTrue();
        assertThat(CodeRegions.of(text + "\n\nx").contains(100_004)).isFalse();
    }

    @Test
    void manyUnmatchedRunsOfDifferentLengthsStayLinear() {
        StringBuilder text = new StringBuilder();
        for (int length = 2; length <= 1_000; length++) {
            text.append("`".repeat(length)).append(' ');
        }
        for (int copy = 0; copy < 200; copy++) {
            text.append("`x ");
        }
        CodeRegions regions = CodeRegions.of(text.toString());
        assertThat(regions.contains(text.indexOf("`x") + 1)).isTrue();
        assertThat(regions.contains(text.lastIndexOf("`x") + 1)).isFalse();
    }

    @Test
    void manyFenceLikeLinesStayLinear() {
        String text = "```\n".repeat(200_000);
        CodeRegions regions = CodeRegions.of(text);
        assertThat(regions.contains(text.length() - 2)).isTrue();
        assertThat(regions.contains(0)).isTrue();
    }
}
