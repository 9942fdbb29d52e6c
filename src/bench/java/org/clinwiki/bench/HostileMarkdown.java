package org.clinwiki.bench;

import java.util.Random;

/**
 * Page text built to make a Markdown parser do the most work per byte, as the security review
 * sent it, and ordinary text to compare with: for the hostile benchmark and the renderer's tests alike.
 */
public final class HostileMarkdown {

    private HostileMarkdown() {
    }

    /** {@code count} footnote references on one line, then their definitions. */
    public static String footnotes(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("x[^").append(i).append("] ");
        }
        text.append("\n\n");
        for (int i = 0; i < count; i++) {
            text.append("[^").append(i).append("]: note ").append(i).append('\n');
        }
        return text.toString();
    }

    /** {@code count} reference links on one line, then a block of their definitions. */
    public static String referenceLinks(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("[a").append(i).append("][r").append(i).append("] ");
        }
        text.append("\n\n");
        for (int i = 0; i < count; i++) {
            text.append("[r").append(i).append("]: https://example.org/").append(i).append('\n');
        }
        return text.toString();
    }

    /** Emphasis opened {@code depth} times, then closed as often. */
    public static String nestedEmphasis(int depth) {
        return "*a".repeat(depth) + "a*".repeat(depth);
    }

    /** Lines of random words, about {@code bytes} long: text no two seeds share. */
    public static String randomLines(Random random, int bytes) {
        String[] words = {"alpha", "order", "alert", "dose", "chart", "nurse", "lab", "ward", "triage", "sepsis", "insulin", "scan"};
        StringBuilder text = new StringBuilder(bytes + 64);
        while (text.length() < bytes - 64) {
            text.append(words[random.nextInt(words.length)]).append(' ').append(random.nextInt(1_000_000)).append(' ')
                    .append(words[random.nextInt(words.length)]).append('\n');
        }
        return text.toString();
    }

    /** Sections of paragraphs with links, emphasis, a table and a reference each, as long articles have. */
    public static String longArticle(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 4096);
        for (int section = 0; text.length() < bytes; section++) {
            text.append("## Section ").append(section).append("\n\n");
            for (int paragraph = 0; paragraph < 12 && text.length() < bytes; paragraph++) {
                text.append("Computerized provider order entry (CPOE) with [[Clinical decision support|CDS]] reduced ")
                        .append("*medication errors* in the **intensive care unit**, though alert fatigue remains; see ")
                        .append("[the review](https://example.org/").append(section).append(") and `HL7 v2` messages.\n\n");
            }
            text.append("| Measure | Before | After |\n|---|---|---|\n| Errors | 12 | 4 |\n\n");
            text.append("Reference for this section.[^s").append(section).append("]\n\n[^s").append(section)
                    .append("]: Author A. A study of order entry. J Am Med Inform Assoc. 2020;").append(section).append(".\n\n");
        }
        return text.toString();
    }
}
