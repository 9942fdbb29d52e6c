package org.clinwiki.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinwiki.title.Title;

/**
 * A page's text with its templates expanded ({@link Transclusion}), and where each of its
 * characters came from, so that links made from the result (section edits) find the page's own text.
 *
 * @param templates each page transcluded (at any depth) with the revision used, 0 if it does not exist
 * @param verbatim  runs of the result copied unchanged from the page's text: {start in result, start in page text, length}
 * @param pageText  the page's own text, as {@link PageMarkup} left it
 */
record ExpandedText(String text, Map<Title, Long> templates, boolean noToc, boolean forceToc, List<int[]> verbatim,
                           String pageText) {

    /**
     * The same expansion after parts of its text were replaced ({@code [start, end, new length]},
     * in order, as {@link FileEmbeds} replaces files): the page's own characters that remain
     * still map to where they came from.
     */
    ExpandedText replacing(String replaced, List<int[]> edits) {
        if (edits.isEmpty()) {
            return this;
        }
        List<int[]> runs = new ArrayList<>(verbatim.size() + edits.size());
        int next = 0;
        long shift = 0;
        for (int[] run : verbatim) {
            int start = run[0];
            int end = run[0] + run[2];
            int at = start;
            while (at < end) {
                while (next < edits.size() && edits.get(next)[1] <= at) {
                    int[] edit = edits.get(next++);
                    shift += edit[2] - (edit[1] - edit[0]);
                }
                int editStart = next < edits.size() ? edits.get(next)[0] : Integer.MAX_VALUE;
                if (editStart <= at) {
                    at = edits.get(next)[1];
                    continue;
                }
                int pieceEnd = Math.min(end, editStart);
                runs.add(new int[] {(int) (at + shift), run[1] + at - start, pieceEnd - at});
                at = pieceEnd;
            }
        }
        return new ExpandedText(replaced, templates, noToc, forceToc, runs, pageText);
    }

    /** Where a character of the result came from in the page's own text, or -1 if a template wrote it. */
    int sourceOffset(int offset) {
        int low = 0;
        int high = verbatim.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int[] run = verbatim.get(middle);
            if (offset < run[0]) {
                high = middle - 1;
            } else if (offset >= run[0] + run[2]) {
                low = middle + 1;
            } else {
                return run[1] + offset - run[0];
            }
        }
        return -1;
    }
}
