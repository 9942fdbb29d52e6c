package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class CitationTest {

    private final Renderer renderer = new Renderer(new Sanitizer());

    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    private static Map<String, String> hawn() {
        return params("last1", "Hawn", "first1", "Carleen", "title", "Take two aspirin and tweet me in the morning",
                "journal", "Health Aff (Millwood)", "year", "2009", "volume", "28", "issue", "2", "pages", "361–368",
                "doi", "10.1377/hlthaff.28.2.361", "pmid", "19275991");
    }

    /** The citation as a footnote of a page, rendered and sanitised as every page is. */
    private String footnoteHtml(String citation) {
        return renderer.render("Text.[^a]\n\n[^a]: " + citation).html().html();
    }

    /** What a reader sees in the footnote. */
    private String footnoteText(String citation) {
        return Jsoup.parseBodyFragment(footnoteHtml(citation)).select("li#cite-note-1 .reference-text").text();
    }

    @Test
    void journalArticleInAmaStyle() {
        String citation = Citation.markdown("journal", hawn());

        // Values are escaped ("\(" and "\-"); the Markdown the formatter writes is the italics and the links.
        assertThat(citation).isEqualTo("Hawn C. Take two aspirin and tweet me in the morning. *Health Aff \\(Millwood\\)*. "
                + "2009;28(2):361\\-368. doi:[10\\.1377\\/hlthaff\\.28\\.2\\.361](<https://doi.org/10.1377/hlthaff.28.2.361>). "
                + "PMID: [19275991](<https://pubmed.ncbi.nlm.nih.gov/19275991/>).");
        assertThat(footnoteText(citation)).isEqualTo("Hawn C. Take two aspirin and tweet me in the morning. Health Aff (Millwood). "
                + "2009;28(2):361-368. doi:10.1377/hlthaff.28.2.361. PMID: 19275991.");
    }

    @Test
    void journalArticleRendersWithItalicJournalAndExternalLinks() {
        String html = footnoteHtml(Citation.markdown("journal", hawn()));

        assertThat(html)
                .contains("<em>Health Aff (Millwood)</em>")
                .contains("<a href=\"https://doi.org/10.1377/hlthaff.28.2.361\" rel=\"nofollow noopener noreferrer\" "
                        + "class=\"external\">10.1377/hlthaff.28.2.361</a>")
                .contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/19275991/\" rel=\"nofollow noopener noreferrer\" "
                        + "class=\"external\">19275991</a>");
    }

    @Test
    void citationIsOneLineWithoutTrailingNewline() {
        Map<String, String> params = hawn();
        params.put("title", "Line one\n\nline two");
        assertThat(Citation.markdown("journal", params)).doesNotContain("\n", "\r").doesNotEndWith(" ");
    }

    @Test
    void givenNamesBecomeInitialsWithoutPeriodsOrSpaces() {
        assertThat(Citation.markdown("journal", params("last", "Ash", "first", "Joan S.", "last2", "Bates", "first2", "David W.",
                "last3", "Chen", "first3", "Mary-Ann", "last4", "Lee", "first4", "JR")))
                .isEqualTo("Ash JS, Bates DW, Chen M\\-A, Lee JR.");
    }

    @Test
    void sixAuthorsAreAllListed() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            params.put("last" + i, "Author" + i);
            params.put("first" + i, "Given");
        }
        assertThat(Citation.markdown("journal", params)).isEqualTo("Author1 G, Author2 G, Author3 G, Author4 G, Author5 G, Author6 G.");
    }

    @Test
    void moreThanSixAuthorsListTheFirstThreeAndEtAl() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 7; i >= 1; i--) {
            params.put("last" + i, "Author" + i);
            params.put("first" + i, "Given Name");
        }
        params.put("title", "Seven authors");
        assertThat(Citation.markdown("journal", params)).isEqualTo("Author1 GN, Author2 GN, Author3 GN, et al. Seven authors.");
    }

    @Test
    void authorListsAreUsedAsWritten() {
        assertThat(Citation.markdown("journal", params("author", "Hawn C", "title", "T"))).isEqualTo("Hawn C. T.");
        assertThat(Citation.markdown("journal", params("authors", "Hawn C, Smith J.", "title", "T"))).isEqualTo("Hawn C\\, Smith J\\. T.");
        assertThat(Citation.markdown("journal", params("author1", "Hawn C", "author2", "Institute of Medicine", "title", "T")))
                .isEqualTo("Hawn C, Institute of Medicine. T.");
    }

    @Test
    void missingVolumeIssueOrPagesAreLeftOutWithTheirPunctuation() {
        Map<String, String> base = params("journal", "JAMA", "year", "2009");
        assertThat(Citation.markdown("journal", with(base, "volume", "28", "pages", "361-368"))).isEqualTo("*JAMA*. 2009;28:361\\-368.");
        assertThat(Citation.markdown("journal", with(base, "volume", "28", "issue", "2"))).isEqualTo("*JAMA*. 2009;28(2).");
        assertThat(Citation.markdown("journal", with(base, "issue", "2", "pages", "e12"))).isEqualTo("*JAMA*. 2009;(2):e12.");
        assertThat(Citation.markdown("journal", base)).isEqualTo("*JAMA*. 2009.");
        assertThat(Citation.markdown("journal", params("journal", "JAMA", "volume", "28", "pages", "361"))).isEqualTo("*JAMA*. 28:361.");
    }

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>(base);
        params.putAll(params(keysAndValues));
        return params;
    }

    @Test
    void yearComesFromTheDateWhenNotGiven() {
        assertThat(Citation.markdown("journal", params("journal", "JAMA", "date", "2009-03-01", "volume", "28"))).isEqualTo("*JAMA*. 2009;28.");
        assertThat(Citation.markdown("journal", params("journal", "JAMA", "date", "March 2009", "volume", "28"))).isEqualTo("*JAMA*. 2009;28.");
        assertThat(Citation.markdown("journal", params("journal", "JAMA", "date", "2009-03-01", "year", "2010"))).isEqualTo("*JAMA*. 2010.");
    }

    @Test
    void titleKeepsItsOwnFinalPunctuation() {
        assertThat(Citation.markdown("journal", params("title", "Does it work?", "journal", "BMJ."))).isEqualTo("Does it work\\? *BMJ\\.*");
        assertThat(Citation.markdown("journal", params("title", "Does it work?", "url", "https://e.example/a")))
                .isEqualTo("[Does it work\\?](<https://e.example/a>)");
    }

    @Test
    void pageRangesUseAPlainHyphen() {
        assertThat(Citation.markdown("journal", params("year", "2009", "pages", "361 – 368"))).isEqualTo("2009:361\\-368.");
        assertThat(Citation.markdown("journal", params("year", "2009", "page", "361‐368"))).isEqualTo("2009:361\\-368.");
    }

    @Test
    void journalTitleIsLinkedToAnHttpUrl() {
        assertThat(Citation.markdown("journal", params("title", "Alert fatigue", "url", "HTTPS://e.example/a?b=1&c=2")))
                .isEqualTo("[Alert fatigue](<HTTPS://e.example/a?b=1&c=2>).");
    }

    @Test
    void nonHttpUrlsAreIgnored() {
        assertThat(Citation.markdown("journal", params("title", "T", "url", "javascript:alert(1)"))).isEqualTo("T.");
        assertThat(Citation.markdown("web", params("title", "T", "url", "data:text/html,<script>"))).isEqualTo("T.");
        assertThat(footnoteHtml(Citation.markdown("book", params("title", "T", "url", "javascript:alert(1)")))).doesNotContain("javascript");
    }

    @Test
    void bookInAmaStyle() {
        assertThat(Citation.markdown("book", params("last", "Shortliffe", "first", "Edward H.", "last2", "Cimino", "first2", "James J.",
                "title", "Biomedical Informatics", "edition", "4th", "location", "London", "publisher", "Springer", "year", "2014")))
                .isEqualTo("Shortliffe EH, Cimino JJ. *Biomedical Informatics*. 4th ed. London: Springer; 2014.");
    }

    @Test
    void bookShowsItsIsbn() {
        assertThat(footnoteHtml(Citation.markdown("book", params("author", "Hoyt RE", "title", "Health Informatics", "publisher", "Lulu",
                "year", "2018", "isbn", "978-1-387-64241-2"))))
                .contains("<em>Health Informatics</em>. Lulu; 2018. ISBN 978-1-387-64241-2.");
    }

    @Test
    void bookWithoutLocationOrEditionAndWithALinkedTitle() {
        String citation = Citation.markdown("book", params("author", "Institute of Medicine", "title", "To Err Is Human",
                "publisher", "National Academies Press", "date", "2000", "url", "https://doi.org/10.17226/9728", "edition", "1st ed."));
        assertThat(citation).isEqualTo("Institute of Medicine. *[To Err Is Human](<https://doi.org/10.17226/9728>)*. 1st ed. "
                + "National Academies Press; 2000.");
        assertThat(footnoteHtml(citation)).contains("<em><a href=\"https://doi.org/10.17226/9728\" rel=\"nofollow noopener noreferrer\" "
                + "class=\"external\">To Err Is Human</a></em>");
    }

    /** AMA's chapter form: the chapter, "In:" the editors, the book, and the chapter's pages after the year. */
    @Test
    void bookChapterWithEditors() {
        assertThat(Citation.markdown("book", params("last", "Sittig", "first", "Dean F.", "chapter", "Clinical decision support",
                "editor1-last", "Greenes", "editor1-first", "Robert A.", "editor-last2", "Lee", "editor-first2", "K.",
                "title", "Clinical Decision Support", "edition", "2nd", "publisher", "Elsevier", "year", "2014", "pages", "10–30")))
                .isEqualTo("Sittig DF. Clinical decision support. In: Greenes RA, Lee K, eds. *Clinical Decision Support*. 2nd ed. "
                        + "Elsevier; 2014:10\\-30.");
    }

    /** An edited book without authors: the editors stand where the authors would. */
    @Test
    void editedBook() {
        assertThat(Citation.markdown("book", params("editor", "Shortliffe EH", "title", "Biomedical Informatics", "publisher", "Springer")))
                .isEqualTo("Shortliffe EH, ed. *Biomedical Informatics*. Springer.");
    }

    @Test
    void webPageInAmaStyleEndsWithItsUrl() {
        String citation = Citation.markdown("web", params("author", "World Health Organization", "title", "Digital health",
                "website", "WHO", "date", "2021-03-01", "access-date", "2024-05-02",
                "url", "https://www.who.int/health-topics/digital-health"));
        assertThat(citation).isEqualTo("World Health Organization. Digital health. WHO. Published March 1\\, 2021. "
                + "Accessed May 2\\, 2024. [https&#58;\\/\\/www&#46;who\\.int\\/health\\-topics\\/digital\\-health]"
                + "(<https://www.who.int/health-topics/digital-health>)");
        assertThat(footnoteText(citation)).isEqualTo("World Health Organization. Digital health. WHO. Published March 1, 2021. "
                + "Accessed May 2, 2024. https://www.who.int/health-topics/digital-health");
        assertThat(footnoteHtml(citation)).contains("<a href=\"https://www.who.int/health-topics/digital-health\" "
                + "rel=\"nofollow noopener noreferrer\" class=\"external\">https://www.who.int/health-topics/digital-health</a>");
    }

    @Test
    void webPageTakesItsSiteFromWorkOrPublisherAndDatesAsWritten() {
        assertThat(Citation.markdown("web", params("title", "FHIR", "work", "HL7", "date", "Spring 2020", "accessdate", "1 May 2024")))
                .isEqualTo("FHIR. HL7. Published Spring 2020. Accessed 1 May 2024.");
        assertThat(Citation.markdown("web", params("title", "FHIR", "publisher", "HL7 International", "date", "2020-05")))
                .isEqualTo("FHIR. HL7 International. Published May 2020.");
    }

    @Test
    void unknownKindIsFormattedAsAWebPageAndKindIgnoresCase() {
        Map<String, String> params = params("title", "T", "website", "W", "journal", "J");
        assertThat(Citation.markdown("news", params)).isEqualTo(Citation.markdown("web", params)).isEqualTo("T. W.");
        assertThat(Citation.markdown("JOURNAL", params)).isEqualTo(Citation.markdown("journal", params)).isEqualTo("T. *J*.");
    }

    @Test
    void parameterNamesIgnoreCaseAndBlankValuesCountAsAbsent() {
        assertThat(Citation.markdown("journal", params("Title", "T", "JOURNAL", "J", "volume", "  ", "year", ""))).isEqualTo("T. *J*.");
    }

    @Test
    void doiGivenAsAUrlOrWithAPrefixIsNormalised() {
        String expected = "doi:[10\\.1377\\/hlthaff\\.28\\.2\\.361](<https://doi.org/10.1377/hlthaff.28.2.361>).";
        assertThat(Citation.markdown("journal", params("doi", "https://doi.org/10.1377/hlthaff.28.2.361"))).isEqualTo(expected);
        assertThat(Citation.markdown("journal", params("doi", "http://dx.doi.org/10.1377/hlthaff.28.2.361"))).isEqualTo(expected);
        assertThat(Citation.markdown("journal", params("doi", "doi:10.1377/hlthaff.28.2.361"))).isEqualTo(expected);
        assertThat(Citation.markdown("journal", params("doi", "DOI: 10.1377/hlthaff.28.2.361"))).isEqualTo(expected);
    }

    @Test
    void doiCharactersOutsideUnreservedAndSlashArePercentEncodedInTheLink() {
        String citation = Citation.markdown("journal", params("doi", "10.1002/(SICI)1097<693::AID>3.0.CO;2-O #x?"));
        assertThat(citation).endsWith("(<https://doi.org/10.1002/%28SICI%291097%3C693%3A%3AAID%3E3.0.CO%3B2-O%20%23x%3F>)");
        assertThat(footnoteText(citation)).isEqualTo("doi:10.1002/(SICI)1097<693::AID>3.0.CO;2-O #x?");
        assertThat(Citation.markdown("journal", params("doi", "https://doi.org/10.1000/a%3Cb%3E")))
                .isEqualTo("doi:[10\\.1000\\/a\\<b\\>](<https://doi.org/10.1000/a%3Cb%3E>).");
    }

    @Test
    void somethingThatIsNotADoiIsShownButNotLinked() {
        assertThat(Citation.markdown("journal", params("doi", "see publisher"))).isEqualTo("doi:see publisher.");
    }

    @Test
    void pubMedAndPmcIdentifiersAreLinked() {
        assertThat(Citation.markdown("journal", params("pmid", "19275991", "pmc", "PMC2654321")))
                .isEqualTo("PMID: [19275991](<https://pubmed.ncbi.nlm.nih.gov/19275991/>). "
                        + "PMCID: [PMC2654321](<https://www.ncbi.nlm.nih.gov/pmc/articles/PMC2654321/>).");
        assertThat(Citation.markdown("journal", params("pmc", "2654321")))
                .isEqualTo("PMCID: [PMC2654321](<https://www.ncbi.nlm.nih.gov/pmc/articles/PMC2654321/>).");
    }

    @Test
    void invalidPubMedAndPmcIdentifiersAreShownAsTextNotLinked() {
        assertThat(Citation.markdown("journal", params("pmid", "1927599x](javascript:alert(1))", "pmc", "PMC12a")))
                .isEqualTo("PMID: 1927599x\\]\\(javascript&#58;alert\\(1\\)\\). PMCID: PMC12a.")
                .doesNotContain("](<");
    }

    @Test
    void unknownParametersAreNotPrinted() {
        assertThat(Citation.markdown("journal", params("title", "T", "ref", "harv", "quote", "secret words", "last1", "Hawn",
                "author-link", "Carleen Hawn")))
                .isEqualTo("Hawn. T.");
    }

    @Test
    void citationWithNothingUsableSaysSo() {
        assertThat(Citation.markdown("journal", Map.of())).isEqualTo("Citation with no details\\.");
        assertThat(Citation.markdown("web", params("quote", "x", "title", " "))).isEqualTo("Citation with no details\\.");
    }

    @Test
    void hostileValuesStayLiteral() {
        String hostile = "[[Main Page]] <script>alert(1)</script> *bold* `code` {{cite}} https://evil.example line1\n\n# heading";
        Map<String, String> params = params("author", hostile, "title", hostile, "journal", hostile, "volume", hostile,
                "pages", "[x](javascript:alert(1))", "url", "https://e.example/\"><script>", "doi", "10.1/<script>");
        String citation = Citation.markdown("journal", params);
        String html = footnoteHtml(citation);

        assertThat(citation).doesNotContain("\n", "[[", " <script", "{{", " *bold*", " `code`");
        assertThat(html).doesNotContain("<script", "class=\"wikilink\"", "<strong", "<code", "<h1", "href=\"javascript", "href=\"/wiki");
        assertThat(Jsoup.parseBodyFragment(html).select("li#cite-note-1 .reference-text a[href]"))
                .extracting(a -> a.attr("href"))
                .containsExactly("https://e.example/\"%3E%3Cscript%3E", "https://doi.org/10.1/%3Cscript%3E");
        assertThat(footnoteText(citation)).contains(
                "[[Main Page]] <script>alert(1)</script> *bold* `code` {{cite}} https://evil.example line1 # heading");
    }
}
