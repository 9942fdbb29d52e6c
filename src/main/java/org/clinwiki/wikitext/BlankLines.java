package org.clinwiki.wikitext;

/**
 * Runs of blank lines as one, outside code blocks: what dropped constructs (a switch, a
 * comment, a second list of notes) leave behind. Inside a fence every line is kept.
 */
final class BlankLines {

    private BlankLines() {
    }

    static String collapse(String markdown) {
        if (!markdown.contains("\n\n\n") && !markdown.contains("\n \n")) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length());
        String fence = null;
        int blanks = 0;
        int from = 0;
        while (from < markdown.length()) {
            int end = markdown.indexOf('\n', from);
            end = end < 0 ? markdown.length() : end;
            String line = markdown.substring(from, end);
            from = end + 1;
            if (fence == null && line.isBlank()) {
                if (++blanks == 1) {
                    out.append('\n');
                }
                continue;
            }
            blanks = 0;
            String trimmed = line.stripLeading();
            if (fence == null && trimmed.startsWith("```")) {
                fence = trimmed.substring(0, run(trimmed));
            } else if (fence != null && trimmed.startsWith(fence) && trimmed.strip().length() == run(trimmed)) {
                fence = null;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static int run(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return n;
    }
}
