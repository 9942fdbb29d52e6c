package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinwiki.render.Renderer;
import org.clinwiki.render.Sanitizer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The converted Markdown shown by Clinwiki's own renderer looks as the page did on MediaWiki. */
class RenderedConversionTest {

    private final WikitextConverter converter = new WikitextConverter(SourceSite.defaults("Clinfowiki"));
    private final Renderer renderer = new Renderer(new Sanitizer());

    private String html(String wikitext) {
        return renderer.render(converter.convert(wikitext, "Metformin").markdown()).html().html();
    }

    private String text(String wikitext) {
        return Jsoup.parse(html(wikitext)).text();
    }

    @Test
    void escapedTextReadsExactlyAsMediaWikiShowedIt() {
        String wikitext = "Text with *stars*, _under_scores_, `ticks`, \\slash, [brackets], <angle, ~~tildes~~, {{{{ braces,"
                + " &lt;b&gt;, &amp;amp; and &#91;&#91;not a link&#93;&#93;.";
        assertThat(text(wikitext)).isEqualTo("Text with *stars*, _under_scores_, `ticks`, \\slash, [brackets], <angle, ~~tildes~~,"
                + " {{{{ braces, <b>, &amp; and [[not a link]].");
    }

    @Test
    void linesThatLookLikeMarkdownBlocksStayParagraphText() {
        String html = html("1. one\n\n+ two\n\n> three\n\n- four\n\n=x");
        assertThat(html).doesNotContain("<ol", "<ul", "<blockquote", "<h1").contains("1. one", "+ two", "&gt; three", "- four");
    }

    @Test
    void notesRenderAsOneListUnderOneReferencesHeading() {
        String html = html("A.<ref name=a>Note A.</ref> B.<ref name=a/>\n\n== References ==\n{{Reflist}}");
        assertThat(html.split("<h2", -1)).hasSize(2);
        assertThat(html).contains("<ol class=\"references\">", "Note A.", "<sup>a</sup>", "<sup>b</sup>");
    }

    @Test
    void emphasisListsAndLinksRender() {
        String html = html("'''Bold''' and ''italic'' with [[Insulin|insulin]]s.\n* one\n** nested\n# first");
        assertThat(html).contains("<strong>Bold</strong>", "<em>italic</em>", ">insulins</a>", "<li>nested</li>", "<ol>");
    }

    @Test
    void talkRepliesAndDefinitionListsUseClinwikisOwnForms() {
        String html = html("Question?\n:Answer.\n::Reply.\n\n; Term : Meaning");
        assertThat(html).contains("<div class=\"reply\">Answer.</div>", "<dt>Term</dt>", "<dd>Meaning</dd>");
    }

    @Test
    void tablesRenderWithHeadersAndColumnSpans() {
        String html = html("{| class=\"wikitable\"\n! A !! B\n|-\n| colspan=2 | wide\n|-\n| [[X|x]] || a <nowiki>|</nowiki> b\n|}");
        assertThat(html).contains("<th>A</th>", "<td colspan=\"2\">wide</td>", ">x</a></td>", "<td>a | b</td>");
    }

    @Test
    void filesAndCodeRender() {
        String html = html("[[Image:X.png|thumb|right|A [[CPOE]] screen]]\n\n<syntaxhighlight lang=\"sql\">SELECT 1</syntaxhighlight>"
                + "\n\n<math>x^2</math>");
        assertThat(html).contains("<figure", "<figcaption>A <a href=\"/wiki/CPOE\"", "SELECT 1\n</code></pre>", "<code>x^2</code>");
    }

    @Test
    void categoriesAreAssignedAndNotShown() {
        String markdown = converter.convert("Text.\n[[Category:Drugs|sort key]]", "Metformin").markdown();
        assertThat(renderer.render(markdown).categories()).containsExactly("Drugs");
    }
}
