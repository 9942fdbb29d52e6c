package org.clinwiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Diffs and merges of the largest pages there can be (2 MiB), shaped to be as hard as can be,
 * stay within work linear in their size. Work is counted in the budget's steps rather than
 * timed, so these tests mean the same on any machine; the budget is what turns steps into a
 * bound on time (about half a second for two 2 MiB pages, on a slow machine).
 */
class BoundedWorkTest {

    private static final int PAGE = 2 * 1024 * 1024;
    private static final String[] FOUR_WORDS = {"alpha", "beta", "gamma", "delta"};

    /** Pairs of 2 MiB pages hard for a diff, and whether comparing them must give up on some part. */
    enum HardPages {
        UNIQUE_LINES_REVERSED(false, lines -> reversed(uniqueLines())),
        UNIQUE_LINES_HALVES_INTERLEAVED(false, lines -> interleaved(uniqueLines(), false)),
        UNIQUE_LINES_FRONT_AND_BACK_INTERLEAVED(false, lines -> interleaved(uniqueLines(), true)),
        UNIQUE_LINES_SHUFFLED(false, lines -> shuffled(uniqueLines())),
        // Each split at an anchor frees just the next one: patience diff splitting as long as it
        // finds anchors would count the rest of the page once per line, quadratic.
        STAIRCASE(true, lines -> staircase()),
        // Nothing occurs once, and the shortest edit script is far too long for Myers to find.
        FOUR_LINES_SHUFFLED(true, lines -> shuffled(lines)),
        // A few lines changed among a quarter of a million copies of one: Myers would walk them all.
        ONE_LINE_REPEATED_WITH_CHANGES(true, lines -> everyThousandthChanged(lines)),
        // Unrelated, but for the blank lines: matching those up would be a costly search.
        UNRELATED_BUT_FOR_BLANK_LINES(true, lines -> withBlankLines(randomLines('a', new Random(9)))),
        // Unique anchors between blocks of four lines shuffled: every gap wears Myers out, until
        // the budget is spent.
        SHUFFLED_BLOCKS_BETWEEN_ANCHORS(true, lines -> shuffledBlocks()),
        // Changed lines of 4 KiB, words from a four-word vocabulary: every word diff wears Myers out.
        LONG_LINES_OF_FOUR_WORDS(true, lines -> longLinesOfFourWords());

        final boolean simplified;
        private final Function<List<String>, Pair> pages;

        HardPages(boolean simplified, Function<List<String>, Pair> pages) {
            this.simplified = simplified;
            this.pages = pages;
        }

        Pair pages() {
            List<String> fourLines = new ArrayList<>();
            Random random = new Random(5);
            for (int length = 0; length < PAGE; length += fourLines.getLast().length() + 1) {
                fourLines.add(FOUR_WORDS[random.nextInt(4)]);
            }
            return pages.apply(fourLines);
        }
    }

    record Pair(String oldText, String newText) {
        static Pair of(List<String> oldLines, List<String> newLines) {
            return new Pair(text(oldLines), text(newLines));
        }

        int length() {
            return oldText.length() + newText.length();
        }
    }

    @ParameterizedTest
    @EnumSource(HardPages.class)
    void hardPagesAreComparedWithinABudgetLinearInTheirSize(HardPages hard) {
        Pair pages = hard.pages();
        DiffBudget budget = DiffBudget.forTexts(pages.oldText(), pages.newText());

        TextDiff diff = LineDiff.compare(pages.oldText(), pages.newText(), budget);

        assertThat(pages.length()).isGreaterThan(3 * PAGE / 2);
        assertThat(budget.limit()).isEqualTo(DiffBudget.BASE_WORK + DiffBudget.WORK_PER_CHAR * pages.length());
        assertThat(budget.spent()).isLessThanOrEqualTo(budget.limit());
        assertThat(diff.simplified()).isEqualTo(hard.simplified);
        LineDiffPropertiesTest.assertReplays(pages.oldText(), pages.newText(), diff);
    }

    @Test
    void unrelatedPagesAreOneReplacementFoundCheaplyAndShownInPart() {
        Pair pages = Pair.of(randomLines('a', new Random(1)), randomLines('b', new Random(2)));
        DiffBudget budget = DiffBudget.forTexts(pages.oldText(), pages.newText());

        TextDiff diff = LineDiff.compare(pages.oldText(), pages.newText(), budget);

        assertThat(diff.simplified()).isFalse();
        assertThat(diff.truncated()).isTrue();
        assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.rows()).hasSize(LineDiff.MAX_ROWS));
        assertThat(diff.linesRemoved()).isEqualTo(PAGE / 8);
        assertThat(diff.linesAdded()).isEqualTo(PAGE / 8);
        // Counting the lines once, and a word diff for each row shown: far less than the budget.
        assertThat(budget.spent()).isLessThan(pages.length() / 2);
    }

    @Test
    void oneLineOfTwoMebibytesChangedInAFewWordsShowsJustThoseWords() {
        String line = wordsLine(new Random(3));
        int first = line.indexOf(' ', 1_000) + 1;
        int second = line.indexOf(' ', 900_000) + 1;
        String changed = line.substring(0, first) + "cpoe " + line.substring(first, second) + "alert fatigue "
                + line.substring(second);
        DiffBudget budget = DiffBudget.forTexts(line, changed);

        TextDiff diff = LineDiff.compare(line, changed, budget);

        assertThat(diff.simplified()).isFalse();
        DiffRow row = diff.hunks().getFirst().rows().getFirst();
        assertThat(row.kind()).isEqualTo(DiffRow.Kind.CHANGE);
        assertThat(row.newSide().orElseThrow().segments()).filteredOn(Segment::changed).extracting(s -> s.text().strip())
                .containsExactly("cpoe", "alert fatigue");
        assertThat(row.oldSide().orElseThrow().segments()).noneMatch(Segment::changed);
        assertThat(budget.spent()).isLessThanOrEqualTo(budget.limit());
    }

    @Test
    void oneLineOfTwoMebibytesRewrittenIsMarkedWholeWithoutComparingItsWords() {
        String line = wordsLine(new Random(3));
        String rewritten = wordsLine(new Random(4));
        DiffBudget budget = DiffBudget.forTexts(line, rewritten);

        TextDiff diff = LineDiff.compare(line, rewritten, budget);

        assertThat(diff.simplified()).isFalse();
        assertThat(diff.hunks().getFirst().rows().getFirst().newSide().orElseThrow().segments())
                .containsExactly(new Segment(rewritten, true));
        // Cutting both lines into words, which costs their length, and next to nothing more.
        assertThat(budget.spent()).isBetween((long) line.length() + rewritten.length(), line.length() + rewritten.length() + 10L);
    }

    @Test
    void mergesOfTwoMebibytePagesStayWithinBudget() {
        List<String> base = uniqueLines();
        List<String> theirs = new ArrayList<>(base);
        theirs.set(100, "their line");
        List<String> mine = new ArrayList<>(base);
        mine.set(200_000, "my line");
        List<String> both = new ArrayList<>(theirs);
        both.set(200_000, "my line");

        assertThat(merge(text(base), text(theirs), text(mine))).contains(text(both));
        assertThat(merge(text(base), shuffled(base).newText(), reversed(base).newText())).isEmpty();
        assertThat(merge(text(randomLines('a', new Random(6))), text(randomLines('b', new Random(7))), text(randomLines('c', new Random(8))))).isEmpty();
    }

    @Test
    void theHardestPagesFoundAreComparedInWellUnderTenSeconds() {
        // The one wall-clock check, generous: it is there to catch a loop that escapes the budget.
        Pair pages = HardPages.SHUFFLED_BLOCKS_BETWEEN_ANCHORS.pages();
        long start = System.nanoTime();

        LineDiff.compare(pages.oldText(), pages.newText());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static Optional<String> merge(String baseText, String theirText, String myText) {
        DiffBudget theirBudget = DiffBudget.forTexts(baseText, theirText);
        DiffBudget myBudget = DiffBudget.forTexts(baseText, myText);
        Optional<String> merged = ThreeWayMerge.merge(baseText, theirText, myText, theirBudget, myBudget);
        assertThat(theirBudget.spent()).isLessThanOrEqualTo(theirBudget.limit());
        assertThat(myBudget.spent()).isLessThanOrEqualTo(myBudget.limit());
        return merged;
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    /** 2 MiB of lines of seven random letters, the first one {@code first}. */
    private static List<String> randomLines(char first, Random random) {
        List<String> lines = new ArrayList<>();
        while (lines.size() < PAGE / 8) {
            StringBuilder line = new StringBuilder().append(first);
            for (int k = 1; k < 7; k++) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** 2 MiB of distinct lines: numbers of seven hexadecimal digits. */
    private static List<String> uniqueLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < PAGE / 8; i++) {
            lines.add(Integer.toHexString(0x1000000 + i));
        }
        return lines;
    }

    /** One line of 2 MiB of made-up words, most of them occurring once. */
    private static String wordsLine(Random random) {
        StringBuilder line = new StringBuilder();
        while (line.length() < PAGE) {
            for (int k = 2 + random.nextInt(8); k > 0; k--) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            line.append(' ');
        }
        return line.toString();
    }

    private static Pair reversed(List<String> lines) {
        List<String> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        return Pair.of(lines, reversed);
    }

    private static Pair shuffled(List<String> lines) {
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(11));
        return Pair.of(lines, shuffled);
    }

    private static Pair interleaved(List<String> lines, boolean frontAndBack) {
        List<String> interleaved = new ArrayList<>();
        int half = lines.size() / 2;
        for (int i = 0; i < half; i++) {
            interleaved.add(frontAndBack ? lines.get(i) : lines.get(half + i));
            interleaved.add(frontAndBack ? lines.get(lines.size() - 1 - i) : lines.get(i));
        }
        return Pair.of(lines, interleaved);
    }

    private static Pair everyThousandthChanged(List<String> lines) {
        List<String> same = new ArrayList<>(Collections.nCopies(lines.size(), "alpha"));
        List<String> changed = new ArrayList<>(same);
        for (int i = 0; i < changed.size(); i += 1_000) {
            changed.set(i, "omega");
        }
        return Pair.of(same, changed);
    }

    private static Pair withBlankLines(List<String> lines) {
        return Pair.of(blankEveryThird(lines), blankEveryThird(randomLines('b', new Random(10))));
    }

    private static List<String> blankEveryThird(List<String> lines) {
        List<String> blanked = new ArrayList<>();
        for (String line : lines) {
            if (blanked.size() % 3 == 2) {
                blanked.add("");
            }
            blanked.add(line);
        }
        return blanked;
    }

    /** Old a2 a1 a3 a2 a4 a3 ..., new b0 a1 b1 a2 b2 a3 ...: only a1 occurs once on both sides, then a2 once past a1, and so on. */
    private static Pair staircase() {
        List<String> old = new ArrayList<>(List.of("a2", "a1"));
        List<String> stairs = new ArrayList<>(List.of("b0", "a1"));
        for (int k = 2; k <= PAGE / 16; k++) {
            old.add("a" + (k + 1));
            old.add("a" + k);
            stairs.add("b" + (k - 1));
            stairs.add("a" + k);
        }
        return Pair.of(old, stairs);
    }

    private static Pair shuffledBlocks() {
        Random random = new Random(12);
        List<String> old = new ArrayList<>();
        List<String> shuffled = new ArrayList<>();
        for (int block = 0, length = 0; length < PAGE; block++) {
            old.add("== Section " + block + " ==");
            shuffled.add("== Section " + block + " ==");
            List<String> part = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                part.add(FOUR_WORDS[random.nextInt(4)]);
                length += part.getLast().length() + 1;
            }
            old.addAll(part);
            Collections.shuffle(part, random);
            shuffled.addAll(part);
        }
        return Pair.of(old, shuffled);
    }

    private static Pair longLinesOfFourWords() {
        Random random = new Random(13);
        List<String> old = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        while (old.size() * 4_000 < PAGE) {
            StringBuilder oldLine = new StringBuilder();
            StringBuilder newLine = new StringBuilder();
            while (oldLine.length() < 4_000) {
                oldLine.append(FOUR_WORDS[random.nextInt(4)]).append(' ');
                newLine.append(FOUR_WORDS[random.nextInt(4)]).append(' ');
            }
            old.add(oldLine.toString());
            changed.add(newLine.toString());
        }
        return Pair.of(old, changed);
    }
}
