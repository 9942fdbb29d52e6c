package org.clinwiki.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The index's field names, and what each holds. One document per page. Public, with {@link #ALL},
 * for the search benchmark's baseline queries.
 */
public final class SearchFields {

    /** The page id: the document's key. */
    static final String ID = "id";
    /** {@link #PAGE} or {@link #REDIRECT}; only pages are search results. */
    static final String KIND = "kind";
    static final String PAGE = "page";
    static final String REDIRECT = "redirect";
    /** The title as shown, e.g. "Help:Editing" (stored only). */
    static final String DISPLAY = "display";
    /**
     * The title's name without namespace, and the names of redirects that lead here, as words:
     * an old or alternative name is a title too.
     */
    static final String TITLE = "title";
    /** The whole title and its name, folded, untokenised: for "this is exactly the title". */
    static final String TITLE_KEY = "title_key";
    /** Headings and category names, as words: what the page says it is about. */
    static final String OUTLINE = "outline";
    /**
     * The page's text as readers see it (no Markdown), compressed in doc values for snippets
     * ({@link SnippetText}). Its words are indexed in {@link #ALL}.
     */
    static final String BODY = "body";
    /**
     * Everything a page says (text, title, redirects, categories) in one field: typed words must
     * all match here. The smaller fields above only add score, so a search walks one long
     * postings list per term instead of five. The text's words carry their places (offsets) in
     * {@link #BODY}, for marking them in snippets.
     */
    public static final String ALL = "all";
    /** Category names exactly, for filters, facet counts (doc values) and display (stored). */
    static final String CATEGORY = "category";
    static final String NAMESPACE = "namespace";
    static final String UPDATED = "updated";
    static final String AUTHOR = "author";
    /** Unstemmed words of title, headings and body: the vocabulary for "did you mean". */
    static final String SPELL = "spell";
    /** For a redirect: the title it points at, so a later change can update the old target. */
    static final String REDIRECT_TARGET = "redirect_target";

    /**
     * Fields that add to a match's score, with their weights, on top of the {@link #ALL} match:
     * a title match outranks any number of mentions in the text. Few fields on purpose: every
     * one costs a term lookup per query word.
     */
    static final Map<String, Float> BOOSTED = Map.of(
            TITLE, 10f,
            OUTLINE, 3f);

    private SearchFields() {
    }

    /** The fields queries match carry the vocabulary's concept terms; the snippet text and spelling words do not. */
    static Analyzer indexAnalyzer(ClinicalSynonyms vocabulary) {
        Analyzer concepts = ClinicalAnalyzer.indexingConcepts(vocabulary.concepts().indexing());
        return new PerFieldAnalyzerWrapper(ClinicalAnalyzer.indexing(),
                Map.of(SPELL, ClinicalAnalyzer.spelling(), ALL, concepts, TITLE, concepts, OUTLINE, concepts));
    }

    /**
     * Lower case, accents removed, underscores as spaces, runs of space collapsed. Every title is
     * folded when the server starts (for autocomplete): two regular expressions and a Unicode
     * decomposition per title were a tenth of the start at 20,000 pages, so ASCII skips the
     * decomposition and one loop does the rest.
     */
    static String fold(String text) {
        String spaced = text.replace('_', ' ');
        String unmarked = isAscii(spaced) ? spaced : withoutMarks(Normalizer.normalize(spaced, Normalizer.Form.NFD));
        return collapseSpaces(unmarked.toLowerCase(Locale.ROOT).strip());
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Drops combining marks (the accents a decomposition splits off). */
    private static String withoutMarks(String decomposed) {
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK) {
                kept.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return kept.toString();
    }

    /** Each run of ASCII white space (tab, line breaks, space) as one space. */
    private static String collapseSpaces(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r') {
                if (!afterSpace) {
                    collapsed.append(' ');
                }
                afterSpace = true;
            } else {
                collapsed.append(c);
                afterSpace = false;
            }
        }
        return collapsed.toString();
    }
}
