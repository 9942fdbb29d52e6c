package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;

class RendererTest {

    private final Renderer renderer = new Renderer(new Sanitizer());

    private String html(String markdown) {
        return renderer.render(markdown).html().html();
    }

    @Test
    void wikiLinkPointsAtTheTitlesUrl() {
        assertThat(html("See [[clinical decision support]]."))
                .contains("<a href=\"/wiki/Clinical_decision_support\" class=\"wikilink\">clinical decision support</a>");
    }

    @Test
    void wikiLinkWithLabelShowsTheLabel() {
        assertThat(html("[[Computerized provider order entry|CPOE]]"))
                .contains("<a href=\"/wiki/Computerized_provider_order_entry\" class=\"wikilink\">CPOE</a>");
    }

    @Test
    void wikiLinkToASectionUsesTheHeadingId() {
        RenderedPage target = renderer.render("## Patient safety\ntext");
        assertThat(target.headings()).singleElement().extracting(Heading::id).isEqualTo("patient-safety");
        assertThat(html("[[CPOE#Patient safety]]")).contains("href=\"/wiki/CPOE#patient-safety\"");
        assertThat(html("[[#Patient safety|below]]")).contains("<a href=\"#patient-safety\" class=\"wikilink\">below</a>");
    }

    @Test
    void linksAreCollectedOnceInOrder() {
        RenderedPage page = renderer.render("[[B]] and [[a]] and [[B|again]] and [[:Category:Standards]]");
        assertThat(page.links()).containsExactly(Title.parse("B"), Title.parse("A"), Title.parse("Category:Standards"));
    }

    @Test
    void categoryAssignmentRendersNothingAndIsCollected() {
        RenderedPage page = renderer.render("Body text.\n\n[[Category:Clinical decision support]]\n[[category:standards|sort key]]\n");
        assertThat(page.categories()).containsExactly("Clinical decision support", "Standards");
        assertThat(page.links()).isEmpty();
        assertThat(page.html().html()).doesNotContain("Category").doesNotContain("<p></p>").contains("Body text.");
    }

    @Test
    void categoryAssignmentInsideAParagraphLeavesTheRest() {
        RenderedPage page = renderer.render("Decision support [[Category:CDS]] is useful.");
        assertThat(page.categories()).containsExactly("CDS");
        assertThat(page.html().html()).isEqualTo("<p>Decision support  is useful.</p>\n");
    }

    @Test
    void leadingColonLinksToTheCategoryInsteadOfAssigningIt() {
        RenderedPage page = renderer.render("See [[:Category:Standards]].");
        assertThat(page.categories()).isEmpty();
        assertThat(page.html().html())
                .contains("<a href=\"/wiki/Category:Standards\" class=\"wikilink\">Category:Standards</a>");
    }

    @Test
    void redirectOnTheFirstLineIsRecognised() {
        RenderedPage page = renderer.render("#REDIRECT [[Computerized provider order entry]]\n[[Category:Redirects]]");
        assertThat(page.redirect()).contains(Title.parse("Computerized provider order entry"));
        assertThat(page.categories()).containsExactly("Redirects");
        assertThat(page.html().html()).contains("Redirect to <a href=\"/wiki/Computerized_provider_order_entry\"");
    }

    @Test
    void redirectIsCaseInsensitiveButOnlyOnTheFirstLine() {
        assertThat(renderer.render("#redirect [[CPOE]]").redirect()).contains(Title.parse("CPOE"));
        assertThat(renderer.render("Intro\n#REDIRECT [[CPOE]]").redirect()).isEmpty();
        assertThat(renderer.render("#REDIRECT [[Bad<Title]]").redirect()).isEmpty();
    }

    @Test
    void invalidLinkTargetsRenderAsText() {
        String html = html("[[A<B]] and [[]]");
        assertThat(html).doesNotContain("<a").contains("[[A&lt;B]]");
    }

    @Test
    void tablesFootnotesStrikethroughAndAutolinksRender() {
        String html = html("""
                | Term | Meaning |
                |:-----|--------:|
                | CDS  | decision support |

                Alerts cause fatigue[^1]. ~~Paper charts~~ are gone. See https://www.hl7.org/fhir.

                [^1]: Ancker JS et al. Effects of workload, work complexity, and repeated alerts. 2017.
                """);
        assertThat(html).contains("<table class=\"wikitable\">", "<th align=\"left\">Term</th>", "<td align=\"right\">decision support</td>");
        assertThat(html).contains("<sup class=\"reference\" id=\"cite-ref-1-1\"><a href=\"#cite-note-1\">[1]</a></sup>");
        assertThat(html).contains("<li id=\"cite-note-1\">", "Ancker JS");
        assertThat(html).contains("<del>Paper charts</del>");
        assertThat(html).contains("<a href=\"https://www.hl7.org/fhir\" rel=\"nofollow noopener noreferrer\" class=\"external\">");
    }

    @Test
    void headingsGetIdsAndSelfLinks() {
        RenderedPage page = renderer.render("# Overview\n\n## History & adoption\n\n## History & adoption\n");
        assertThat(page.headings()).extracting(Heading::id).containsExactly("overview", "history-adoption", "history-adoption-1");
        assertThat(page.headings()).extracting(Heading::text).containsExactly("Overview", "History & adoption", "History & adoption");
        assertThat(page.html().html()).contains(
                "<h2 id=\"history-adoption\">History &amp; adoption<a href=\"#history-adoption\" class=\"heading-anchor\" aria-label=\"Link to section: History &amp; adoption\">§</a></h2>");
    }

    @Test
    void tocMarkerRendersATableOfContents() {
        String html = html("[TOC]\n\n## Benefits\n\n## Risks\n");
        assertThat(html).contains("<ul class=\"toc\">", "<a href=\"#benefits\">Benefits</a>", "<a href=\"#risks\">Risks</a>");
    }

    @Test
    void missingLinkTargetsAreMarkedWithoutRenderingAgain() {
        RenderedPage page = renderer.render("[[CPOE]], [[Alert fatigue]] and [[Alert fatigue#Causes|causes]]");
        String marked = page.htmlMarking(Set.of(Title.parse("Alert fatigue"))).html();
        assertThat(marked).contains("<a href=\"/wiki/CPOE\" class=\"wikilink\">CPOE</a>");
        assertThat(marked).contains("<a href=\"/wiki/Alert_fatigue\" class=\"wikilink new\" title=\"Alert fatigue (page does not exist)\">Alert fatigue</a>");
        assertThat(marked).contains("<a href=\"/wiki/Alert_fatigue#causes\" class=\"wikilink new\"");
        assertThat(page.htmlMarking(Set.of()).html()).isEqualTo(page.html().html());
    }

    @Test
    void aRevisionRendersToTheSameBytesInAnotherRendererAndProcess() {
        // Cached HTML and ETags outlive the renderer that made them: nothing in the output may depend on
        // per-instance state (footnote or heading counters, hash order, identity).
        String text = "# A\n\n## Notes\n\n[[B]] text[^n] and again[^m].\n\n## Notes\n\n[[Category:X]] [[Category:Y]]\n\n"
                + "[^n]: note\n[^m]: another";
        RenderedPage first = renderer.render(text);
        renderer.render("# Other\n\nText[^z]\n\n[^z]: unrelated");
        RenderedPage afterOthers = renderer.render(text);
        RenderedPage fresh = new Renderer(new Sanitizer()).render(text);
        assertThat(afterOthers.html().html()).as("after rendering another page").isEqualTo(first.html().html());
        assertThat(fresh.html().html()).isEqualTo(first.html().html());
        assertThat(fresh.headings()).isEqualTo(first.headings());
    }

    @Test
    void footnotesBecomeAReferencesSectionListedInTheContents() {
        RenderedPage page = renderer.render("## Evidence\nClaim.[^1]\n\n[^1]: Source, 2020.");
        assertThat(page.html().html()).contains("<h2 id=\"references\">References<a href=\"#references\"").doesNotContain("<hr");
        assertThat(page.headings()).extracting(Heading::text).containsExactly("Evidence", "References");
        assertThat(renderer.render("No notes here.").html().html()).doesNotContain("References");
    }

    @Test
    void parsingWithoutHtmlFindsWhatRenderingFinds() {
        String text = """
                #REDIRECT [[Target page]]
                ## Overview
                See [[CPOE|order entry]], https://example.org and [[:Category:Standards]].[^1]

                | a | b |
                |---|---|
                | [[Linked in table]] | x |

                ## Details
                ~~old~~ text

                [^1]: A reference.
                [[Category:Informatics]]
                """;
        RenderedPage rendered = renderer.render(text);
        ParsedPage parsed = renderer.parse(text);
        assertThat(parsed.links()).isEqualTo(rendered.links());
        assertThat(parsed.categories()).isEqualTo(rendered.categories()).containsExactly("Informatics");
        assertThat(parsed.redirect()).isEqualTo(rendered.redirect());
        assertThat(parsed.headings()).isEqualTo(rendered.headings());
        assertThat(renderer.connections(text)).isEqualTo(rendered.parsed().connections())
                .isEqualTo(new PageConnections(rendered.links(), List.of("Informatics"), Optional.of(Title.parse("Target page")), List.of()));
    }

    @Test
    void plainTextIsWhatAReaderSees() {
        String text = renderer.parse("## Heading\nA [[Target page|label]] and **bold** `code`.[^1]\n\n[^1]: The note.\n[[Category:Hidden]]").text();
        assertThat(text).contains("Heading", "A label and bold code.", "The note.")
                .doesNotContain("Target page").doesNotContain("**").doesNotContain("Hidden").doesNotContain("[[");
    }
}
