package org.clinwiki.wikitext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report of one conversion: each distinct construct and action once, with a count. */
final class Issues {

    /** Past this many distinct entries a hostile page only adds to the count of the last. */
    private static final int MAX_DISTINCT = 500;

    private final Map<List<String>, int[]> counts = new LinkedHashMap<>();

    void add(String construct, String action) {
        List<String> key = List.of(shorten(construct), action);
        int[] count = counts.get(key);
        if (count == null) {
            if (counts.size() >= MAX_DISTINCT) {
                key = List.of("more constructs", "not listed one by one");
                count = counts.computeIfAbsent(key, k -> new int[1]);
            } else {
                count = new int[1];
                counts.put(key, count);
            }
        }
        count[0]++;
    }

    List<ConversionIssue> list() {
        List<ConversionIssue> list = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> list.add(new ConversionIssue(key.get(0), key.get(1), count[0])));
        return list;
    }

    /** Constructs are quoted from the page: one line, and short, so a report stays readable. */
    private static String shorten(String construct) {
        String line = construct.replace('\n', ' ');
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
