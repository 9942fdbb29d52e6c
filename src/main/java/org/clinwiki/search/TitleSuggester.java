package org.clinwiki.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.clinwiki.title.Title;

/**
 * Title autocomplete, in memory: every live title, sorted by its folded text. A keystroke costs
 * a range lookup for titles starting with the typed text, then a scan for titles with a word
 * starting with it, then for titles containing it anywhere. Twenty thousand titles scan in well
 * under a millisecond, so no second index is needed. Thread-safe.
 */
public final class TitleSuggester {

    private final ConcurrentSkipListMap<String, Title> titles = new ConcurrentSkipListMap<>();

    void add(Title title) {
        titles.put(key(title), title);
    }

    void remove(Title title) {
        titles.remove(key(title));
    }

    void replaceAll(Collection<Title> all) {
        titles.clear();
        all.forEach(this::add);
    }

    /** Up to {@code limit} titles: those starting with the text, then with a word starting with it, then containing it. */
    public List<Title> suggest(String typed, int limit) {
        String text = SearchFields.fold(typed);
        if (text.isEmpty() || limit <= 0) {
            return List.of();
        }
        Set<Title> found = new LinkedHashSet<>();
        for (Title title : titles.subMap(text, text + Character.MAX_VALUE).values()) {
            if (found.size() >= limit) {
                return List.copyOf(found);
            }
            found.add(title);
        }
        List<Title> infix = new ArrayList<>();
        for (Map.Entry<String, Title> entry : titles.entrySet()) {
            if (found.size() >= limit) {
                break;
            }
            String key = entry.getKey();
            int at = key.indexOf(text);
            if (at > 0 && at + text.length() <= key.indexOf('\u0000')) {
                if (isWordStart(key, at)) {
                    found.add(entry.getValue());
                } else if (infix.size() < limit) {
                    infix.add(entry.getValue());
                }
            }
        }
        for (Title title : infix) {
            if (found.size() >= limit) {
                break;
            }
            found.add(title);
        }
        return List.copyOf(found);
    }

    /** The title that is the typed text, ignoring case, accents and underscores, if exactly one is. */
    public Optional<Title> exact(String typed) {
        String text = SearchFields.fold(typed);
        List<Title> same = titles.subMap(text + '\u0000', text + '\u0001').values().stream().limit(2).toList();
        return same.size() == 1 ? Optional.of(same.getFirst()) : Optional.empty();
    }

    private static boolean isWordStart(String key, int at) {
        return !Character.isLetterOrDigit(key.charAt(at - 1));
    }

    // The title text after the fold keeps the sort readable; the raw text makes keys unique.
    private static String key(Title title) {
        return SearchFields.fold(title.text()) + '\u0000' + title.text();
    }
}
