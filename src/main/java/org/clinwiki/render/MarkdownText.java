package org.clinwiki.render;

/** TEMPORARY stub until the helper's version is merged. */
final class MarkdownText {
    static String escape(String plain) {
        StringBuilder out = new StringBuilder();
        for (char c : plain.replaceAll("\\s+", " ").toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
