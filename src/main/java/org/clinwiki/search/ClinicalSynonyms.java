package org.clinwiki.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinical vocabulary: the list shipped with Clinwiki ({@code search/clinical-synonyms.txt})
 * plus the administrators' own {@code synonyms.txt} in the data directory, if present. A broken
 * local file is reported and skipped; it must not take search down.
 */
public final class ClinicalSynonyms {

    static final String RESOURCE = "/search/clinical-synonyms.txt";
    public static final String LOCAL_FILE = "synonyms.txt";

    private static final Logger log = LoggerFactory.getLogger(ClinicalSynonyms.class);

    private final SynonymMap map;
    private final Set<String> words;

    private ClinicalSynonyms(SynonymMap map, Set<String> words) {
        this.map = map;
        this.words = words;
    }

    /** The shipped list, extended by {@code dataDir/synonyms.txt} when that file exists. */
    public static ClinicalSynonyms load(Path dataDir) {
        String shipped = shipped();
        Path local = dataDir.resolve(LOCAL_FILE);
        if (Files.isRegularFile(local)) {
            try {
                String extra = Files.readString(local, StandardCharsets.UTF_8);
                ClinicalSynonyms both = parse(shipped + "\n" + extra);
                log.info("Search synonyms: the shipped list plus {}", local);
                return both;
            } catch (IOException | ParseException | RuntimeException e) {
                log.warn("Ignoring {}: {}. Search uses the shipped synonyms only.", local, e.getMessage());
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
            return new ClinicalSynonyms(parser.build(), wordsOf(text));
        }
    }

    /** Every single word that appears in the list, lower-cased: words never to "correct". */
    private static Set<String> wordsOf(String text) {
        Set<String> words = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }

    SynonymMap map() {
        return map;
    }

    /** Whether {@code word} (lower-case) is part of the vocabulary. */
    boolean knows(String word) {
        return words.contains(word);
    }
}
