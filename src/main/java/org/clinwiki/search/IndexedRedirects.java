package org.clinwiki.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.clinwiki.title.Title;

/**
 * The redirects the index holds, by page and by target, as the indexer has written them: where
 * a page pointed before its change, and which names lead to a page. Asking the searcher and the
 * database for these was a tenth of the work of indexing an edit. Thread-safe.
 */
final class IndexedRedirects {

    private record Redirect(Title title, Title target) {
    }

    private final Map<Long, Redirect> byPage = new ConcurrentHashMap<>();
    /** Each target's redirect names, as sets replaced whole (a change never edits one another thread may be reading). */
    private final Map<Title, Set<Title>> namesByTarget = new ConcurrentHashMap<>();

    /** Those in the index {@code searcher} reads. */
    static IndexedRedirects read(IndexSearcher searcher) throws IOException {
        IndexedRedirects redirects = new IndexedRedirects();
        StoredFields stored = searcher.storedFields();
        Set<String> fields = Set.of(SearchFields.ID, SearchFields.DISPLAY, SearchFields.REDIRECT_TARGET);
        TermQuery documents = new TermQuery(new Term(SearchFields.KIND, SearchFields.REDIRECT));
        for (ScoreDoc hit : searcher.search(documents, Math.max(1, searcher.count(documents))).scoreDocs) {
            Document doc = stored.document(hit.doc, fields);
            Optional<Title> title = Title.tryParse(doc.get(SearchFields.DISPLAY));
            Optional<Title> target = PageDocument.redirectTarget(doc).flatMap(Title::tryParse);
            if (title.isPresent() && target.isPresent()) {
                redirects.remember(Long.parseLong(doc.get(SearchFields.ID)), title.get(), target.get());
            }
        }
        return redirects;
    }

    /** Page {@code pageId} is now the redirect {@code title} to {@code target}. */
    void remember(long pageId, Title title, Title target) {
        forget(pageId);
        byPage.put(pageId, new Redirect(title, target));
        namesByTarget.compute(target, (key, names) -> with(names, title));
    }

    /** Page {@code pageId} is no redirect (any more); returns where it pointed, if it was one. */
    Optional<Title> forget(long pageId) {
        Redirect before = byPage.remove(pageId);
        if (before == null) {
            return Optional.empty();
        }
        namesByTarget.computeIfPresent(before.target(), (key, names) -> without(names, before.title()));
        return Optional.of(before.target());
    }

    /** The names of the redirects that lead to {@code target}, by name. */
    List<Title> leadingTo(Title target) {
        return namesByTarget.getOrDefault(target, Set.of()).stream().sorted(Comparator.comparing(Title::name)).toList();
    }

    private static Set<Title> with(Set<Title> names, Title name) {
        Set<Title> more = names == null ? new HashSet<>() : new HashSet<>(names);
        more.add(name);
        return Set.copyOf(more);
    }

    private static Set<Title> without(Set<Title> names, Title name) {
        Set<Title> fewer = new HashSet<>(names);
        fewer.remove(name);
        return fewer.isEmpty() ? null : Set.copyOf(fewer);
    }
}
