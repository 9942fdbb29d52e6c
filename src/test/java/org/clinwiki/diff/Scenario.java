package org.clinwiki.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Two sequences of symbols to compare, an old one and a new one, for property tests: random
 * edits of sequences over small alphabets (so symbols repeat), and shapes known to be hard for
 * diffs. Big scenarios are built from a seed, so jqwik draws and shrinks a few numbers instead of
 * lists of thousands.
 */
record Scenario(String shape, int[] old, int[] edited) {

    enum Shape { UNRELATED, SHUFFLED, REVERSED, HALVES_INTERLEAVED, FRONT_AND_BACK_INTERLEAVED, ONE_SYMBOL_WITH_CHANGES, SHUFFLED_BLOCKS, STAIRCASE }

    /** Mostly small edited sequences, some hard shapes, now and then thousands of symbols. */
    static Arbitrary<Scenario> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, edited(0, 60)),
                Tuple.of(4, hard(0, 200)),
                Tuple.of(2, edited(1_000, 20_000)),
                Tuple.of(2, hard(1_000, 20_000)));
    }

    /** Random edits of a random sequence, {@code minSize} to {@code maxSize} symbols long. */
    static Arbitrary<Scenario> edited(int minSize, int maxSize) {
        return Combinators.combine(
                Arbitraries.integers().between(minSize, maxSize),
                Arbitraries.of(1, 2, 3, 5, 20, 1_000_000),
                Arbitraries.integers().between(0, 12),
                Arbitraries.longs()).as(Scenario::edited);
    }

    /** One of the hard shapes. */
    static Arbitrary<Scenario> hard(int minSize, int maxSize) {
        return Combinators.combine(
                Arbitraries.of(Shape.class),
                Arbitraries.integers().between(minSize, maxSize),
                Arbitraries.longs()).as(Scenario::hard);
    }

    static Scenario edited(int size, int alphabet, int edits, long seed) {
        Random random = new Random(seed);
        List<Integer> old = randomSymbols(random, size, alphabet);
        List<Integer> edited = new ArrayList<>(old);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(edited.size() + 1);
            int length = Math.min(1 + random.nextInt(5), edited.size() - at);
            switch (random.nextInt(5)) {
                case 0 -> edited.addAll(at, randomSymbols(random, 1 + random.nextInt(5), alphabet));
                case 1 -> edited.subList(at, at + length).clear();
                case 2 -> {
                    edited.subList(at, at + length).clear();
                    edited.addAll(at, randomSymbols(random, 1 + random.nextInt(5), alphabet));
                }
                case 3 -> {
                    List<Integer> block = new ArrayList<>(edited.subList(at, at + length));
                    edited.subList(at, at + length).clear();
                    edited.addAll(random.nextInt(edited.size() + 1), block);
                }
                default -> edited.addAll(random.nextInt(edited.size() + 1), new ArrayList<>(edited.subList(at, at + length)));
            }
        }
        return new Scenario("edited alphabet=" + alphabet + " edits=" + edits, ints(old), ints(edited));
    }

    static Scenario hard(Shape shape, int size, long seed) {
        Random random = new Random(seed);
        List<Integer> unique = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            unique.add(i);
        }
        List<Integer> old = unique;
        List<Integer> edited = new ArrayList<>();
        switch (shape) {
            case UNRELATED -> {
                old = randomSymbols(random, size, 1_000_000);
                edited = randomSymbols(random, size, 1_000_000);
            }
            case SHUFFLED -> {
                old = randomSymbols(random, size, 4);
                edited = new ArrayList<>(old);
                Collections.shuffle(edited, random);
            }
            case REVERSED -> {
                edited = new ArrayList<>(unique);
                Collections.reverse(edited);
            }
            case HALVES_INTERLEAVED -> {
                for (int i = 0; i < size / 2; i++) {
                    edited.add(size / 2 + i);
                    edited.add(i);
                }
            }
            case FRONT_AND_BACK_INTERLEAVED -> {
                for (int i = 0; i < size / 2; i++) {
                    edited.add(i);
                    edited.add(size - 1 - i);
                }
            }
            case ONE_SYMBOL_WITH_CHANGES -> {
                old = new ArrayList<>(Collections.nCopies(size, 0));
                edited = new ArrayList<>(old);
                for (int i = 0; i < size; i += 1 + random.nextInt(50)) {
                    edited.set(i, 1);
                }
            }
            case SHUFFLED_BLOCKS -> {
                // Unique anchors between blocks of a four-symbol alphabet, shuffled: every gap is hard for Myers.
                old = new ArrayList<>();
                for (int block = 0; old.size() < size; block++) {
                    old.add(1_000 + block);
                    edited.add(1_000 + block);
                    List<Integer> part = randomSymbols(random, 50 + random.nextInt(200), 4);
                    old.addAll(part);
                    Collections.shuffle(part, random);
                    edited.addAll(part);
                }
            }
            case STAIRCASE -> {
                // Old a2 a1 a3 a2 a4 a3 ..., new b0 a1 b1 a2 ...: each anchor found frees just the next.
                old = new ArrayList<>();
                for (int k = 1; old.size() < size; k++) {
                    old.add(k + 1);
                    old.add(k);
                    edited.add(size + k);
                    edited.add(k);
                }
            }
        }
        return new Scenario(shape.name(), ints(old), ints(edited));
    }

    private static List<Integer> randomSymbols(Random random, int count, int alphabet) {
        List<Integer> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(random.nextInt(alphabet));
        }
        return symbols;
    }

    private static int[] ints(List<Integer> symbols) {
        return symbols.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many distinct symbols could appear: one more than the largest. */
    int symbols() {
        return Math.max(Arrays.stream(old).max().orElse(-1), Arrays.stream(edited).max().orElse(-1)) + 1;
    }

    /** The old sequence as a text, one line per symbol. */
    String oldText() {
        return text(old);
    }

    String editedText() {
        return text(edited);
    }

    // Lines share words, so word diffs have something to find; symbol 0 is an empty line.
    private static final String[] WORDS = {"the", "order", "alert", "dose", "fatigue"};

    static String line(int symbol) {
        if (symbol == 0) {
            return "";
        }
        String line = WORDS[symbol % 5] + " " + WORDS[(symbol / 5) % 5] + ", " + WORDS[(symbol / 25) % 5];
        return symbol < 125 ? line : line + " " + symbol;
    }

    static String text(int[] symbols) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(line(symbols[i]));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return shape + " (" + old.length + " -> " + edited.length + ")"
                + (old.length + edited.length <= 200 ? " " + Arrays.toString(old) + " -> " + Arrays.toString(edited) : "");
    }
}
