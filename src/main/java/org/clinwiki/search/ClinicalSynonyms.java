package org.clinwiki.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinical vocabulary: the list shipped with Clinwiki ({@code search/clinical-synonyms.txt})
 * plus the administrators' own list ({@link SharedVocabulary}).
 */
public final class ClinicalSynonyms {

    static final String RESOURCE = "/search/clinical-synonyms.txt";
    public static final String LOCAL_FILE = "synonyms.txt";

    private static final Logger log = LoggerFactory.getLogger(ClinicalSynonyms.class);

    /** Marks a concept term: no tokenizer emits this character, so no typed or written word can collide with one. */
    static final char CONCEPT_MARK = '\u001f';

    private final SynonymMap map;
    private final Concepts concepts;
    private final Set<String> words;
    private final String fingerprint;

    private ClinicalSynonyms(SynonymMap map, Concepts concepts, Set<String> words, String fingerprint) {
        this.map = map;
        this.concepts = concepts;
        this.words = words;
        this.fingerprint = fingerprint;
    }

    /**
     * Each group of the list as one concept term. At indexing, every phrase of a group adds
     * the group's term beside its words; a query for any of the phrases then looks up that
     * one term instead of matching every expansion as a phrase, which was most of a search's
     * time ("electronic health record" over three common words).
     *
     * @param indexing each phrase (analysed words joined by spaces) and the concepts it adds beside its words
     * @param querying replaces a phrase by its concept term
     */
    record Concepts(ConceptFilter.Phrases indexing, SynonymMap querying) {
    }

    /**
     * The shipped list, extended by the administrators' list: {@code dataDir/synonyms.txt} when
     * that file exists and parses (it then becomes the list every node shares), else the shared
     * list last stored. A broken list is reported and skipped; it must not take search down.
     */
    public static ClinicalSynonyms load(Path dataDir, SharedVocabulary shared) {
        String shipped = shipped();
        Path local = dataDir.resolve(LOCAL_FILE);
        if (Files.isRegularFile(local)) {
            try {
                String extra = Files.readString(local, StandardCharsets.UTF_8);
                ClinicalSynonyms both = parse(shipped + "\n" + extra);
                shared.store(extra);
                log.info("Search synonyms: the shipped list plus {}, now shared by every node of this wiki", local);
                return both;
            } catch (IOException | ParseException | RuntimeException e) {
                log.warn("Ignoring {}: {}.", local, e.getMessage());
            }
        }
        Optional<String> stored = shared.text().filter(text -> !text.isBlank());
        if (stored.isPresent()) {
            try {
                return parse(shipped + "\n" + stored.get());
            } catch (IOException | ParseException | RuntimeException e) {
                log.warn("Ignoring the shared synonym list: {}. Search uses the shipped synonyms only.", e.getMessage());
            }
        }
        try {
            return parse(shipped);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("The shipped synonym list " + RESOURCE + " is malformed", e);
        }
    }

    static String shipped() {
        try (InputStream in = ClinicalSynonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    static ClinicalSynonyms parse(String text) throws IOException, ParseException {
        try (ClinicalAnalyzer analyzer = ClinicalAnalyzer.indexing()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            try (Reader reader = new StringReader(text)) {
                parser.parse(reader);
            }
            return new ClinicalSynonyms(parser.build(), concepts(text, analyzer), wordsOf(text), fingerprint(text));
        }
    }

    /** One concept per line; the parse above has already rejected malformed lines. */
    private static Concepts concepts(String text, Analyzer analyzer) throws IOException {
        Map<String, List<String>> indexing = new HashMap<>();
        SolrSynonymParser querying = new SolrSynonymParser(true, true, analyzer);
        for (String line : groups(text)) {
            List<CharsRef> phrases = new ArrayList<>();
            for (String phrase : line.split(",|=>")) {
                if (!phrase.isBlank()) {
                    phrases.add(querying.analyze(phrase.strip(), new CharsRefBuilder()));
                }
            }
            if (phrases.size() < 2) {
                continue;
            }
            CharsRef concept = new CharsRef(CONCEPT_MARK + phrases.getFirst().toString().replace(SynonymMap.WORD_SEPARATOR, '_'));
            for (CharsRef phrase : phrases) {
                List<String> concepts = indexing.computeIfAbsent(
                        phrase.toString().replace(SynonymMap.WORD_SEPARATOR, ' '), key -> new ArrayList<>());
                if (!concepts.contains(concept.toString())) {
                    concepts.add(concept.toString());
                }
                querying.add(phrase, concept, false);
            }
        }
        return new Concepts(ConceptFilter.phrases(indexing), querying.build());
    }

    /** The list's lines that hold a group: not blank, not a comment. */
    private static List<String> groups(String text) {
        return text.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).toList();
    }

    /** Identifies the list: an index built with another list has other concept terms and is rebuilt. */
    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    /** Every single word that appears in the list, lower-cased: words never to "correct". */
    private static Set<String> wordsOf(String text) {
        Set<String> words = new HashSet<>();
        for (String line : groups(text)) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }

    /** Every phrase of a group to every other: for finding the words to highlight. */
    SynonymMap map() {
        return map;
    }

    Concepts concepts() {
        return concepts;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Whether {@code word} (lower-case) is part of the vocabulary. */
    boolean knows(String word) {
        return words.contains(word);
    }
}
