package org.clinwiki.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinwiki.Wiki;
import org.clinwiki.page.Replacement;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;

/**
 * Gives a corpus its history before it is imported: the earlier versions of one page in five
 * ({@link Corpus#earlierVersions}), oldest first, each written by one of several editors. The
 * import then adds each page's final version on top.
 */
public final class CorpusHistory {

    static final List<String> EDITORS = List.of("amara.okafor", "lena.fischer", "raj.patel", "sofia.reyes");
    private static final int BATCH = 200;

    private CorpusHistory() {
    }

    public static void write(Wiki wiki, Corpus corpus, int pages, String password) {
        List<Actor> editors = new ArrayList<>();
        for (String name : EDITORS) {
            User user = wiki.users().create(name, name, "RN, clinical informatics", Role.EDITOR, password);
            editors.add(new Actor(user, "127.0.0.1"));
        }
        for (int version = 0; ; version++) {
            Map<Actor, List<Replacement>> byAuthor = new LinkedHashMap<>();
            for (int i = 0; i < pages; i++) {
                List<String> earlier = corpus.earlierVersions(i, pages);
                if (version < earlier.size()) {
                    byAuthor.computeIfAbsent(editors.get((i / 5 + version) % editors.size()), author -> new ArrayList<>())
                            .add(new Replacement(corpus.title(i), earlier.get(version), "Draft " + (version + 1)));
                }
            }
            if (byAuthor.isEmpty()) {
                return;
            }
            byAuthor.forEach((author, replacements) -> {
                for (int from = 0; from < replacements.size(); from += BATCH) {
                    wiki.pages().replaceAll(author, replacements.subList(from, Math.min(replacements.size(), from + BATCH)));
                }
            });
        }
    }
}
