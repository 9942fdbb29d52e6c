package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;

/** References, the HTML subset, signatures, sections and talk replies: the page format real articles need. */
class ArticleMarkupTest {

    private final Renderer renderer = new Renderer(new Sanitizer());

    private String html(String markdown) {
        return renderer.render(markdown).html().html();
    }

    @Test
    void notesAreNumberedByFirstCitationAndReusedNotesKeepTheirNumber() {
        String html = html("A.[^a] B.[^b] C.[^a]\n\n[^b]: Note b\n[^a]: Note a\n");
        assertThat(html).contains("A.<sup class=\"reference\" id=\"cite-ref-1-1\"><a href=\"#cite-note-1\">[1]</a></sup>")
                .contains("B.<sup class=\"reference\" id=\"cite-ref-2-1\"><a href=\"#cite-note-2\">[2]</a></sup>")
                .contains("C.<sup class=\"reference\" id=\"cite-ref-1-2\"><a href=\"#cite-note-1\">[1]</a></sup>");
        assertThat(html.indexOf("Note a")).isLessThan(html.indexOf("Note b"));
        assertThat(html).contains("<li id=\"cite-note-1\"><span class=\"backlinks\">↑ <a href=\"#cite-ref-1-1\"")
                .contains("<sup>a</sup></a> <a href=\"#cite-ref-1-2\" aria-label=\"Back to citation b\"><sup>b</sup></a>")
                .contains("<li id=\"cite-note-2\"><span class=\"backlinks\"><a href=\"#cite-ref-2-1\" aria-label=\"Back to the citation\">↑</a>");
    }

    @Test
    void namedNotesAndThreeCitationsGetLettersABC() {
        String html = html("One.[^hawn2009] Two.[^hawn2009] Three.[^hawn2009]\n\n[^hawn2009]: Hawn C. 2009.\n");
        assertThat(html).contains("<sup>a</sup>", "<sup>b</sup>", "<sup>c</sup>").doesNotContain("hawn2009\"");
    }

    @Test
    void theListGoesUnderTheAuthorsReferencesHeadingWithOneAnchor() {
        RenderedPage page = renderer.render("## Background\n\nText.[^a]\n\n## References\n\n## See also\n\n[[CPOE]]\n\n[^a]: Source\n");
        String html = page.html().html();
        assertThat(html.split("id=\"references\"", -1)).hasSize(2);
        assertThat(html.indexOf("<ol class=\"references\">")).isGreaterThan(html.indexOf("id=\"references\""))
                .isLessThan(html.indexOf("id=\"see-also\""));
        assertThat(page.headings()).extracting(Heading::text).containsExactly("Background", "References", "See also");
    }

    @Test
    void aNotesHeadingTakesTheListToo() {
        RenderedPage page = renderer.render("## Use\n\nText.[^a]\n\n## Notes\n\n[^a]: Source\n");
        assertThat(page.headings()).extracting(Heading::text).containsExactly("Use", "Notes");
        assertThat(page.html().html()).contains("id=\"notes\"").doesNotContain(">References<");
    }

    @Test
    void theListGoesWhereTheAuthorPutsIt() {
        for (String marker : new String[] {"{{references}}", "{{Reflist}}", "<references />", "<references/>"}) {
            String html = html("Text.[^a]\n\n### Sources\n\n" + marker + "\n\n### After\n\nMore.\n\n[^a]: Source\n");
            assertThat(html.indexOf("<ol class=\"references\">")).as(marker).isGreaterThan(html.indexOf("Sources"))
                    .isLessThan(html.indexOf("After"));
            assertThat(html).as(marker).doesNotContain("\uE000").doesNotContain(">References<");
        }
    }

    @Test
    void withoutAPlaceTheListIsAppendedUnderItsOwnHeading() {
        RenderedPage page = renderer.render("## Use\n\nText.[^a]\n\n[^a]: Source\n");
        assertThat(page.headings()).extracting(Heading::text).containsExactly("Use", "References");
        assertThat(page.html().html()).containsOnlyOnce("id=\"references\"");
        assertThat(page.html().html().strip()).endsWith("</ol>");
        assertThat(renderer.parse("## Use\n\nText.[^a]\n\n[^a]: Source\n").headings()).isEqualTo(page.headings());
    }

    @Test
    void citationTemplatesRenderInsideANote() {
        String html = html("Claim.[^hawn]\n\n[^hawn]: {{cite journal|last1=Hawn|first1=Carleen|title=Take two aspirin and tweet me "
                + "in the morning|journal=Health Aff (Millwood)|year=2009|volume=28|issue=2|pages=361–368"
                + "|doi=10.1377/hlthaff.28.2.361|pmid=19275991|colour=blue}}\n");
        assertThat(html).contains("Hawn C. Take two aspirin and tweet me in the morning. <em>Health Aff (Millwood)</em>. "
                        + "2009;28(2):361-368. doi:<a href=\"https://doi.org/10.1377/hlthaff.28.2.361\"")
                .contains("PMID: <a href=\"https://pubmed.ncbi.nlm.nih.gov/19275991/\"")
                .doesNotContain("blue");
    }

    @Test
    void hostileCitationValuesStayText() {
        String html = html("X.[^a]\n\n[^a]: {{cite web|title=<script>alert(1)</script> [[Main Page]] *b* `c`"
                + "|url=javascript:alert(1)|author=x\n\n# heading}}\n");
        Inert.assertInert(html);
        assertThat(html).doesNotContain("class=\"wikilink\"", "<em>", "<code>", "<h1").contains("&lt;script&gt;");
    }

    @Test
    void theHtmlSubsetRendersAsTags() {
        String html = html("HbA<sub>1c</sub>, x<sup>2</sup>, <abbr title=\"electronic health record\">EHR</abbr>, <kbd>Ctrl</kbd>, "
                + "<small>s</small> <mark>m</mark> <del>d</del> <ins>i</ins> <u>u</u> <s>s</s> a<br>b<!-- hidden note -->\n\n"
                + "<dl>\n<dt>Term</dt>\n<dd>Definition with [[CPOE]]</dd>\n</dl>\n");
        assertThat(html).contains("HbA<sub>1c</sub>", "x<sup>2</sup>", "<abbr title=\"electronic health record\">EHR</abbr>",
                "<kbd>Ctrl</kbd>", "<small>s</small>", "<mark>m</mark>", "<del>d</del>", "<ins>i</ins>", "<u>u</u>", "<s>s</s>",
                "a<br>b", "<dt>Term</dt>", "<dd>Definition with <a href=\"/wiki/CPOE\" class=\"wikilink\">CPOE</a></dd>")
                .doesNotContain("hidden note", "<p></p>");
    }

    @Test
    void everythingOutsideTheSubsetStaysInert() {
        String html = html("<script>alert(1)</script> <img src=x onerror=alert(1)> <sup onclick=\"alert(1)\">2</sup> "
                + "<abbr title='\"><script>alert(1)</script>' onmouseover=\"alert(1)\">x</abbr> <iframe src=\"//e.vil\"></iframe> "
                + "<a href=\"javascript:alert(1)\">l</a> <style>p{}</style> <strong class=\"error\" onclick=\"x\">s</strong> <span "
                + "class=\"section-edit\">fake</span>\n\n<div onclick=\"alert(1)\">block</div>\n\n<!-- unclosed comment");
        Inert.assertInert(html);
        // An unclosed comment hides the rest of the page, as in MediaWiki.
        assertThat(html).contains("<sup>2</sup>", "&lt;script&gt;").doesNotContain("unclosed comment");
    }

    @Test
    void signaturesExpandOutsideCodeAndABareSignatureLineIsNoCodeFence() {
        Instant at = Instant.parse("2026-12-05T14:05:00Z");
        String text = Signatures.expand("I agree. ~~~~\n\n~~~~\n\nInline `~~~~` and\n\n```\n~~~~\n```\nName: ~~~ and ~~~~~ and ~~~~~~",
                "Alice", "Alice Smith", at);
        assertThat(text).startsWith("I agree. [[User:Alice|Alice Smith]] ([[User talk:Alice|talk]]) 14:05, 5 December 2026 (UTC)\n\n"
                        + "[[User:Alice|Alice Smith]] ([[User talk:Alice|talk]]) 14:05, 5 December 2026 (UTC)\n\nInline `~~~~` and\n\n```\n~~~~\n```\n")
                .endsWith("[[User:Alice|Alice Smith]] and 14:05, 5 December 2026 (UTC) and ~~~~~~");
        assertThat(Signatures.expand("~~~~", "Bob", "]] [[Evil", at)).startsWith("[[User:Bob|Bob]]");
        // Unexpanded (in a template, or saved before): shown as typed, and what follows is not swallowed into code.
        assertThat(html("Comment\n\n~~~~\n\nNext **bold**")).contains("<p>~~~~</p>", "<strong>bold</strong>").doesNotContain("<pre>");
    }

    @Test
    void talkRepliesIndent() {
        String html = html("Should we? ~~~\n:Yes, with [[Link]] and *care*.\n::Agreed.\n\n```\n:not a reply\n```\n");
        assertThat(html).contains("<div class=\"reply\">Yes, with <a href=\"/wiki/Link\" class=\"wikilink\">Link</a> and <em>care</em>.</div>",
                "<div class=\"reply\"><div class=\"reply\">Agreed.</div></div>", "<code>:not a reply");
        assertThat(renderer.parse(":see [[Reply target]]").links()).containsExactly(Title.parse("Reply target"));
        // A table's alignment row starts with a colon too.
        assertThat(html("Term | Use\n:--- | ---:\nCDS | alerts\n")).contains("<table", "<td align=\"right\">alerts</td>")
                .doesNotContain("reply");
    }

    @Test
    void sectionsAreNumberedAsMediaWikiDoes() {
        String text = "Lead\n\n## A\n\na\n\n### A1\n\nx\n\n```\n## not a heading\n```\n\nB\n---\n\nb";
        Sections sections = Sections.of(text);
        assertThat(sections.all()).extracting(Sections.Section::heading).containsExactly("", "A", "A1", "B");
        assertThat(sections.text(1)).isEqualTo("## A\n\na\n\n### A1\n\nx\n\n```\n## not a heading\n```");
        assertThat(sections.replace(2, "### A1\n\ny")).isEqualTo("Lead\n\n## A\n\na\n\n### A1\n\ny\n\nB\n---\n\nb");
        assertThat(sections.replace(0, "New lead")).startsWith("New lead\n\n## A");
        assertThat(Sections.appendSection("", "Topic", "Body")).isEqualTo("## Topic\n\nBody");
        assertThat(Sections.appendSection("Old\n", "Topic", "Body")).isEqualTo("Old\n\n## Topic\n\nBody");
    }

    @Test
    void headingsLinkToEditingTheirSectionOnlyWhenTheyAreThePagesOwn() {
        Map<String, String> pages = Map.of("Template:Box", "## From template\n\nboxed");
        Renderer withTemplates = new Renderer(new Sanitizer(), source(pages));
        String html = withTemplates.render("Lead\n\n## One\n\n{{Box}}\n\n## Two\n\nText.[^a]\n\n[^a]: n", Title.parse("Page")).html().html();
        assertThat(html).contains("href=\"/wiki/Page/edit?section=1\" aria-label=\"Edit section: One\"")
                .contains("href=\"/wiki/Page/edit?section=2\" aria-label=\"Edit section: Two\"")
                .doesNotContain("section=3", "Edit section: From template", "Edit section: References");
        assertThat(RenderedPage.withoutSectionEdits(new SafeHtml(html)).html()).doesNotContain("section-edit").contains("From template");
    }

    @Test
    void tableOfContentsCanBeForcedOrHidden() {
        assertThat(renderer.parse("## A\n\n__NOTOC__").contents().shows(10, 3)).isFalse();
        assertThat(renderer.parse("## A\n\n__TOC__").contents().shows(1, 3)).isTrue();
        assertThat(renderer.parse("## A\n\n`__NOTOC__`").contents()).isEqualTo(ParsedPage.Contents.AUTOMATIC);
        assertThat(html("Text __NOTOC__ more")).doesNotContain("NOTOC");
    }

    static TemplateSource source(Map<String, String> pages) {
        Map<Title, String> byTitle = new HashMap<>();
        pages.forEach((title, text) -> byTitle.put(Title.parse(title), text));
        return title -> Optional.ofNullable(byTitle.get(title)).map(text -> new TemplateSource.Transcluded(text.length(), text));
    }
}
