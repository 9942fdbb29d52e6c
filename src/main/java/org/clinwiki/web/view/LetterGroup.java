package org.clinwiki.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Links under a heading letter, as category listings show them. */
public record LetterGroup(String letter, List<Link> links) {

    /** Groups links (already sorted) by the first letter of their text. */
    public static List<LetterGroup> of(List<Link> links) {
        Map<String, List<Link>> groups = new LinkedHashMap<>();
        for (Link link : links) {
            String text = link.text();
            String letter = text.isEmpty() ? "#" : text.substring(0, text.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
            groups.computeIfAbsent(letter, key -> new ArrayList<>()).add(link);
        }
        return groups.entrySet().stream().map(entry -> new LetterGroup(entry.getKey(), entry.getValue())).toList();
    }
}
