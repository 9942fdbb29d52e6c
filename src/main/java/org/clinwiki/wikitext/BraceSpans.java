package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.List;

/**
 * The outermost {@code {{…}}} and {@code {{{…}}}} of a text, matched as MediaWiki's preprocessor
 * matches them: a run of closing braces closes the latest open run, three at a time when both
 * have three (a parameter), else two (a template). Unbalanced braces stay text. One pass with a
 * stack, so 50,000 unclosed {@code {{} cost no more than reading them.
 *
 * @param start where the span's braces begin
 * @param end   just after its closing braces
 * @param parameter three braces: a template's parameter
 */
record BraceSpans(int start, int end, boolean parameter) {

    static List<BraceSpans> outermost(String text) {
        List<BraceSpans> all = new ArrayList<>();
        int[] openAt = new int[16];
        int[] openCount = new int[16];
        int depth = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c != '{' && c != '}') {
                i++;
                continue;
            }
            int run = i;
            while (run < length && text.charAt(run) == c) {
                run++;
            }
            int count = run - i;
            if (c == '{') {
                if (count >= 2) {
                    if (depth == openAt.length) {
                        openAt = java.util.Arrays.copyOf(openAt, depth * 2);
                        openCount = java.util.Arrays.copyOf(openCount, depth * 2);
                    }
                    openAt[depth] = i;
                    openCount[depth] = count;
                    depth++;
                }
                i = run;
                continue;
            }
            int at = i;
            while (count >= 2 && depth > 0) {
                int top = depth - 1;
                int take = openCount[top] >= 3 && count >= 3 ? 3 : 2;
                int start = openAt[top] + openCount[top] - take;
                all.add(new BraceSpans(start, at + take, take == 3));
                at += take;
                count -= take;
                openCount[top] -= take;
                if (openCount[top] < 2) {
                    depth--;
                }
            }
            i = run;
        }
        return outer(all);
    }

    /** The spans not inside another: found closing first, so an outer span comes after the ones it holds. */
    private static List<BraceSpans> outer(List<BraceSpans> all) {
        List<BraceSpans> kept = new ArrayList<>();
        for (int k = all.size() - 1; k >= 0; k--) {
            BraceSpans span = all.get(k);
            if (kept.isEmpty() || span.end() <= kept.getLast().start()) {
                kept.add(span);
            }
        }
        return kept.reversed();
    }
}
