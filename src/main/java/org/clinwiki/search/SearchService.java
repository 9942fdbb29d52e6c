package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.clinwiki.InvalidInputException;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.render.Sanitizer;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/**
 * Answers searches. Typed words are analysed once against a placeholder field, so clinical
 * synonyms expand into a graph (EHR or "electronic health record"); every resulting term or
 * phrase must then occur somewhere in the page, and scores more where it occurs in the title,
 * a redirect, a heading or a category: a title match outranks any number of mentions in the
 * text. All words must match.
 */
public final class SearchService {

    public static final int MAX_QUERY_CHARS = 300;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    private static final int MAX_PARTS = 32;
    private static final int SNIPPET_PASSAGES = 2;
    private static final int FACETS = 25;
    private static final String PLACEHOLDER = "q";
    private static final float EXACT_TITLE_BOOST = 20f;
    private static final float TIE_BREAKER = 0.1f;

    private final SearchIndex index;
    private final ClinicalSynonyms synonyms;
    private final Sanitizer sanitizer;
    private final Analyzer indexAnalyzer = SearchFields.indexAnalyzer();
    private final Analyzer spellingAnalyzer = ClinicalAnalyzer.spelling();
    private final QueryBuilder expanding;
    private final QueryBuilder exact;
    private final DirectSpellChecker speller = new DirectSpellChecker();
    /**
     * Searches are CPU-bound: more at once than there are cores only makes every one of them
     * slower, and the operating system's time slicing turns that into long tails. Searches
     * beyond the core count wait their turn, first come first served.
     */
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public SearchService(SearchIndex index, ClinicalSynonyms synonyms, Sanitizer sanitizer) {
        this.index = index;
        this.synonyms = synonyms;
        this.sanitizer = sanitizer;
        this.expanding = new QueryBuilder(ClinicalAnalyzer.querying(synonyms.map()));
        this.expanding.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.exact = new QueryBuilder(indexAnalyzer);
        // A small wiki has few documents per word: any word someone wrote may be the correction
        // (the checker keeps words in more documents than this threshold, so 0 means "in at least one").
        speller.setThresholdFrequency(0f);
    }

    public SearchResults search(SearchRequest request) {
        if (request.query().length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException("query_too_long",
                    "A search can be at most " + MAX_QUERY_CHARS + " characters long.");
        }
        if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (request.offset() < 0 || request.offset() > MAX_OFFSET) {
            throw new InvalidInputException("invalid_offset", "offset must be between 0 and " + MAX_OFFSET + ".");
        }
        UserQuery typed = UserQuery.parse(request.query().strip());
        if (typed.parts().size() > MAX_PARTS) {
            throw new InvalidInputException("query_too_complex",
                    "A search can have at most " + MAX_PARTS + " words, phrases and filters.");
        }
        Optional<Query> query = build(typed, request);
        running.acquireUninterruptibly();
        try {
            return index.withSearcher(searcher -> {
                Optional<String> suggestion = suggestion(searcher.getIndexReader(), typed);
                if (query.isEmpty()) {
                    return new SearchResults(0, List.of(), suggestion, List.of(), request.offset(), request.limit());
                }
                return run(searcher, query.get(), request, suggestion);
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidInputException("query_too_complex", "The search expands to too many terms; use fewer words.");
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed reading the index", e);
        } finally {
            running.release();
        }
    }

    /** Titles for autocomplete: prefix matches first, then word and infix matches. */
    public List<Title> suggestTitles(String typed, int limit) {
        if (typed.length() > MAX_QUERY_CHARS) {
            return List.of();
        }
        return index.titles().suggest(typed, limit);
    }

    /** The page whose title is what was typed, ignoring case and accents, for "Go" from the search box. */
    public Optional<Title> exactTitle(String typed) {
        return typed.length() > MAX_QUERY_CHARS ? Optional.empty() : index.titles().exact(typed);
    }

    /** The query for the typed text and filters; empty when nothing typed can match. */
    private Optional<Query> build(UserQuery typed, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean scored = false;
        boolean any = false;
        List<String> words = typed.parts().stream()
                .filter(part -> part.field() == UserQuery.Field.ANY && !part.phrase() && !part.excluded())
                .map(UserQuery.Part::text).toList();
        if (!words.isEmpty()) {
            // Together, so a multi-word synonym ("electronic health record") can match across words.
            Query matched = expanding.createBooleanQuery(PLACEHOLDER, String.join(" ", words), Occur.MUST);
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
                            : expanding.createBooleanQuery(PLACEHOLDER, part.text(), Occur.MUST);
                    yield q == null ? null : acrossFields(q);
                }
                case TITLE -> part.phrase() ? exact.createPhraseQuery(SearchFields.TITLE, part.text())
                        : expanding.createBooleanQuery(SearchFields.TITLE, part.text(), Occur.MUST);
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
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (typed.isPlain()) {
            query.add(new BoostQuery(new TermQuery(new Term(SearchFields.TITLE_KEY, SearchFields.fold(typed.text()))),
                    EXACT_TITLE_BOOST), Occur.SHOULD);
        }
        request.category().filter(name -> !name.isBlank()).ifPresent(name ->
                query.add(new TermQuery(new Term(SearchFields.CATEGORY, categoryName(name))), Occur.FILTER));
        query.add(new TermQuery(new Term(SearchFields.KIND, SearchFields.PAGE)), Occur.FILTER);
        if (request.namespaces().size() < Namespace.values().length) {
            BooleanQuery.Builder namespaces = new BooleanQuery.Builder();
            for (Namespace namespace : request.namespaces()) {
                namespaces.add(new TermQuery(new Term(SearchFields.NAMESPACE, namespace.key())), Occur.SHOULD);
            }
            query.add(namespaces.build(), Occur.FILTER);
        }
        return Optional.of(query.build());
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
    private static Query bestField(java.util.function.Function<String, Query> perField) {
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

    private SearchResults run(IndexSearcher searcher, Query query, SearchRequest request, Optional<String> suggestion)
            throws IOException {
        int wanted = request.offset() + request.limit();
        // One pass ranks, counts and tallies categories: the phrase matching that synonym
        // expansions need is the dominant cost, and a second counting pass would repeat it.
        Object[] collected = searcher.search(query, new MultiCollectorManager(
                new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE), CategoryCounter.manager()));
        TopDocs top = (TopDocs) collected[0];
        CategoryCounter.Counts counts = (CategoryCounter.Counts) collected[1];
        ScoreDoc[] slice = request.offset() >= top.scoreDocs.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
        String[] snippets = highlighter(searcher).highlight(SearchFields.BODY, query, new TopDocs(top.totalHits, slice),
                SNIPPET_PASSAGES);
        List<SearchHit> hits = new ArrayList<>(slice.length);
        for (int i = 0; i < slice.length; i++) {
            ResultFields fields = ResultFields.of(searcher.getIndexReader(), slice[i].doc);
            Optional<Title> title = title(fields.display());
            if (title.isPresent()) {
                hits.add(new SearchHit(title.get(), snippet(snippets[i]), slice[i].score, fields.categories(), fields.updated()));
            }
        }
        List<CategoryCount> facets = counts.categories().subList(0, Math.min(FACETS, counts.categories().size()));
        return new SearchResults(counts.hits(), hits, suggestion, facets, request.offset(), request.limit());
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, indexAnalyzer)
                // Words are matched in ALL; their places in the text are in BODY's postings.
                .withFieldMatcher(field -> field.equals(SearchFields.BODY) || field.equals(SearchFields.ALL))
                // Escapes the page text; only the <mark> tags are markup.
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                // Passages of about 160 characters around the match, cut at spaces: the JDK's sentence
                // iterator cost more than the whole search.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), 160, 0.5f))
                .withScorer(new SnippetScorer())
                // Term offsets straight from the postings; exact phrase positions are not worth a second query evaluation.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withMaxLength(200_000)
                .build();
    }

    private SafeHtml snippet(String highlighted) {
        return sanitizer.cleanMarked(highlighted == null ? "" : highlighted.strip());
    }

    private static Optional<Title> title(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Title.parse(text));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }

    /**
     * The query with each word the index has never seen replaced by the closest word it has
     * (from titles, headings and text), or nothing if every word is known. Abbreviations from
     * the clinical vocabulary are known even if no page uses them yet.
     */
    private Optional<String> suggestion(IndexReader reader, UserQuery typed) throws IOException {
        String corrected = typed.text();
        boolean changed = false;
        for (UserQuery.Part part : typed.parts()) {
            if (part.excluded() || part.field() == UserQuery.Field.CATEGORY) {
                continue;
            }
            for (String word : words(part.text())) {
                if (word.length() < speller.getMinQueryLength() || synonyms.knows(word)
                        || reader.docFreq(new Term(SearchFields.SPELL, word)) > 0) {
                    continue;
                }
                SuggestWord[] similar = speller.suggestSimilar(new Term(SearchFields.SPELL, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (similar.length > 0) {
                    Matcher typedWord = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(corrected);
                    if (typedWord.find()) {
                        corrected = corrected.substring(0, typedWord.start()) + similar[0].string
                                + corrected.substring(typedWord.end());
                        changed = true;
                    }
                }
            }
        }
        return changed ? Optional.of(corrected) : Optional.empty();
    }

    private List<String> words(String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = spellingAnalyzer.tokenStream(SearchFields.SPELL, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}
