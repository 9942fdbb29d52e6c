package org.clinwiki.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/**
 * Turns what a reader typed into a Lucene query. Typed words are analysed once against a
 * placeholder field, so a phrase of the clinical vocabulary becomes its concept term (EHR and
 * "electronic health record" alike); every resulting term must then occur somewhere in the
 * page, and scores more where it occurs in the title (or a redirect's name) or in a heading or
 * category. Thread-safe.
 */
final class QueryTranslator {

    private static final String PLACEHOLDER = "q";
    private static final float EXACT_TITLE_BOOST = 20f;
    private static final float TIE_BREAKER = 0.1f;

    private final QueryBuilder concepts;
    private final QueryBuilder expanding;
    private final QueryBuilder exact;

    /**
     * What to search with, and what to highlight: the snippet text has no concept terms, so
     * snippets mark the words of every expansion instead.
     */
    record Translated(Query match, Query highlight) {
    }

    QueryTranslator(ClinicalSynonyms vocabulary) {
        this.concepts = new QueryBuilder(ClinicalAnalyzer.querying(vocabulary.concepts().querying()));
        this.expanding = new QueryBuilder(ClinicalAnalyzer.querying(vocabulary.map()));
        this.expanding.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.exact = new QueryBuilder(ClinicalAnalyzer.indexing());
    }

    /** The queries for the typed text and filters; empty when nothing typed can match. */
    Optional<Translated> build(UserQuery typed, SearchRequest request) {
        return query(typed, request, concepts).map(match -> new Translated(match, query(typed, request, expanding).orElseThrow()));
    }

    private Optional<Query> query(UserQuery typed, SearchRequest request, QueryBuilder words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean scored = false;
        boolean any = false;
        List<String> typedWords = typed.parts().stream()
                .filter(part -> part.field() == UserQuery.Field.ANY && !part.phrase() && !part.excluded())
                .map(UserQuery.Part::text).toList();
        if (!typedWords.isEmpty()) {
            // Together, so a multi-word synonym ("electronic health record") can match across words.
            Query matched = words.createBooleanQuery(PLACEHOLDER, String.join(" ", typedWords), Occur.MUST);
            if (matched != null) {
                query.add(acrossFields(matched), Occur.MUST);
                scored = true;
                any = true;
            }
        }
        for (UserQuery.Part part : typed.parts()) {
            Occur occur = part.excluded() ? Occur.MUST_NOT : Occur.MUST;
            Query clause = switch (part.field()) {
                case ANY -> {
                    if (!part.phrase() && !part.excluded()) {
                        yield null;
                    }
                    Query q = part.phrase() ? exact.createPhraseQuery(PLACEHOLDER, part.text())
                            : words.createBooleanQuery(PLACEHOLDER, part.text(), Occur.MUST);
                    yield q == null ? null : acrossFields(q);
                }
                case TITLE -> part.phrase() ? exact.createPhraseQuery(SearchFields.TITLE, part.text())
                        : words.createBooleanQuery(SearchFields.TITLE, part.text(), Occur.MUST);
                case CATEGORY -> {
                    occur = part.excluded() ? Occur.MUST_NOT : Occur.FILTER;
                    yield new TermQuery(new Term(SearchFields.CATEGORY, categoryName(part.text())));
                }
            };
            if (clause != null) {
                query.add(clause, occur);
                any = true;
                scored |= occur == Occur.MUST;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        if (!scored) {
            // Only filters and exclusions: every page is a candidate. Redirects never match a typed
            // word (their text fields are empty), so only here must they be left out by kind.
            query.add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.KIND, SearchFields.PAGE))), Occur.MUST);
        }
        if (typed.isPlain()) {
            query.add(new BoostQuery(new TermQuery(new Term(SearchFields.TITLE_KEY, SearchFields.fold(typed.text()))),
                    EXACT_TITLE_BOOST), Occur.SHOULD);
        }
        request.category().filter(name -> !name.isBlank()).ifPresent(name ->
                query.add(new TermQuery(new Term(SearchFields.CATEGORY, categoryName(name))), Occur.FILTER));
        namespaceFilter(query, request.namespaces());
        return Optional.of(query.build());
    }

    /**
     * Keeps to the namespaces asked for. With articles among them, by leaving out the few pages
     * of the others: a filter that lists articles would be checked against nearly every match,
     * a tenth of a search's time.
     */
    private static void namespaceFilter(BooleanQuery.Builder query, Set<Namespace> wanted) {
        if (wanted.size() == Namespace.values().length) {
            return;
        }
        if (wanted.contains(Namespace.MAIN)) {
            for (Namespace namespace : EnumSet.complementOf(EnumSet.copyOf(wanted))) {
                query.add(new TermQuery(new Term(SearchFields.NAMESPACE, namespace.key())), Occur.MUST_NOT);
            }
            return;
        }
        BooleanQuery.Builder namespaces = new BooleanQuery.Builder();
        for (Namespace namespace : wanted) {
            namespaces.add(new TermQuery(new Term(SearchFields.NAMESPACE, namespace.key())), Occur.SHOULD);
        }
        query.add(namespaces.build(), Occur.FILTER);
    }

    /** Moves each term or phrase of a query built on the placeholder field onto the real fields. */
    private static Query acrossFields(Query query) {
        return switch (query) {
            case BooleanQuery bool -> {
                BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
                for (BooleanClause clause : bool.clauses()) {
                    copy.add(acrossFields(clause.query()), clause.occur());
                }
                yield copy.build();
            }
            case BoostQuery boost -> new BoostQuery(acrossFields(boost.getQuery()), boost.getBoost());
            case TermQuery term -> bestField(field -> new TermQuery(new Term(field, term.getTerm().bytes())));
            case PhraseQuery phrase -> bestField(field -> {
                PhraseQuery.Builder copy = new PhraseQuery.Builder().setSlop(phrase.getSlop());
                Term[] terms = phrase.getTerms();
                int[] positions = phrase.getPositions();
                for (int i = 0; i < terms.length; i++) {
                    copy.add(new Term(field, terms[i].bytes()), positions[i]);
                }
                return copy.build();
            });
            case SynonymQuery synonym -> bestField(field -> {
                SynonymQuery.Builder copy = new SynonymQuery.Builder(field);
                synonym.getTerms().forEach(term -> copy.addTerm(new Term(field, term.bytes())));
                return copy.build();
            });
            default -> query;
        };
    }

    /** A term or phrase must be in {@link SearchFields#ALL}; found in the title, redirects, headings or categories too, it scores more. */
    private static Query bestField(Function<String, Query> perField) {
        List<Query> boosts = new ArrayList<>();
        for (Map.Entry<String, Float> field : SearchFields.BOOSTED.entrySet()) {
            boosts.add(new BoostQuery(perField.apply(field.getKey()), field.getValue()));
        }
        return new BooleanQuery.Builder()
                .add(perField.apply(SearchFields.ALL), Occur.MUST)
                .add(new DisjunctionMaxQuery(boosts, TIE_BREAKER), Occur.SHOULD)
                .build();
    }

    private static String categoryName(String typed) {
        try {
            return Title.parse(Namespace.CATEGORY.prefix() + ":" + typed.strip()).name();
        } catch (InvalidTitleException e) {
            return typed.strip();
        }
    }
}
