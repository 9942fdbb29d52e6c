package org.clinwiki.wikitext;

/**
 * MediaWiki's reading of apostrophes on one line ({@code doQuotes}): {@code ''} italic,
 * {@code '''} bold, {@code '''''} both. Four apostrophes are one apostrophe and bold; more than
 * five are apostrophes and both. When a line has an odd number of both italics and bolds, one
 * bold is taken as an apostrophe and an italic, preferring the one after a single letter
 * ({@code l'''amour}), then after a longer word, then after a space, as MediaWiki does.
 */
final class Quotes {

    static final int ITALIC = 2;
    static final int BOLD = 3;
    static final int BOTH = 5;

    /**
     * How one run of apostrophes reads.
     *
     * @param literal how many of its apostrophes are text, shown before the markup
     * @param kind    {@link #ITALIC}, {@link #BOLD} or {@link #BOTH}
     */
    record Run(int literal, int kind) {
    }

    private Quotes() {
    }

    /**
     * The runs of a line, from their lengths (each at least two) and the two characters before
     * each ({@code ' '} where the text had a space, anything else for a letter or markup).
     */
    static Run[] read(int[] lengths, char[][] before) {
        int count = lengths.length;
        int[] literal = new int[count];
        int[] kind = new int[count];
        int italics = 0;
        int bolds = 0;
        for (int k = 0; k < count; k++) {
            int length = lengths[k];
            if (length == 4) {
                literal[k] = 1;
                kind[k] = BOLD;
            } else if (length > 5) {
                literal[k] = length - 5;
                kind[k] = BOTH;
            } else {
                kind[k] = length;
            }
            if (kind[k] == ITALIC) {
                italics++;
            } else if (kind[k] == BOLD) {
                bolds++;
            } else {
                italics++;
                bolds++;
            }
        }
        if (italics % 2 == 1 && bolds % 2 == 1) {
            int chosen = boldToSplit(kind, literal, before);
            if (chosen >= 0) {
                literal[chosen]++;
                kind[chosen] = ITALIC;
            }
        }
        Run[] runs = new Run[count];
        for (int k = 0; k < count; k++) {
            runs[k] = new Run(literal[k], kind[k]);
        }
        return runs;
    }

    private static int boldToSplit(int[] kind, int[] literal, char[][] before) {
        int singleLetter = -1;
        int multiLetter = -1;
        int space = -1;
        for (int k = 0; k < kind.length; k++) {
            if (kind[k] != BOLD) {
                continue;
            }
            // A four-apostrophe run's first apostrophe is text that stands right before it.
            char x1 = literal[k] > 0 ? '\'' : before[k][1];
            char x2 = literal[k] > 0 ? before[k][1] : before[k][0];
            if (x1 == ' ') {
                space = space < 0 ? k : space;
            } else if (x2 == ' ') {
                singleLetter = k;
                break;
            } else {
                multiLetter = multiLetter < 0 ? k : multiLetter;
            }
        }
        return singleLetter >= 0 ? singleLetter : multiLetter >= 0 ? multiLetter : space;
    }
}
