package org.clinwiki.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinwiki.render.ArticleMarkupTest.source;

import java.util.Map;
import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;

/** Transclusion: {@code {{Name|a|key=v}}} includes Template:Name with its parameters filled in, within bounds. */
class TemplatesTest {

    private static RenderedPage render(Map<String, String> pages, String markdown) {
        return new Renderer(new Sanitizer(), source(pages)).render(markdown);
    }

    private static String html(Map<String, String> pages, String markdown) {
        return render(pages, markdown).html().html();
    }

    @Test
    void parametersPositionalNamedAndDefaults() {
        Map<String, String> pages = Map.of("Template:Drug", "{{{1}}} is a {{{class|drug}}} ({{{2|no second}}}, {{{missing}}})");
        assertThat(html(pages, "{{Drug|Metformin|class = biguanide }}"))
                .contains("Metformin is a biguanide (no second, {{{missing}}})");
        assertThat(html(pages, "{{drug|Insulin| x |class=}}")).contains("Insulin is a  ( x , {{{missing}}})");
    }

    @Test
    void linksAndCategoriesOfTemplatesCountForThePage() {
        RenderedPage page = render(Map.of("Template:Stub", "Stub. [[Help:Editing|Expand]] [[Category:Stubs]]"), "{{Stub}}\n\nBody");
        assertThat(page.categories()).containsExactly("Stubs");
        assertThat(page.links()).containsExactly(Title.parse("Help:Editing"));
        assertThat(page.templates()).containsOnlyKeys(Title.parse("Template:Stub"));
    }

    @Test
    void inclusionTagsWorkAsInMediaWiki() {
        Map<String, String> pages = Map.of(
                "Template:Doc", "shown<noinclude> only on the template</noinclude><includeonly> only where used</includeonly>",
                "Template:Only", "before <onlyinclude>the part</onlyinclude> after <onlyinclude>and more</onlyinclude>");
        assertThat(html(pages, "{{Doc}}")).contains("shown only where used").doesNotContain("only on the template");
        assertThat(html(pages, "{{Only}}")).contains("the partand more").doesNotContain("before", "after");
        Renderer renderer = new Renderer(new Sanitizer(), source(pages));
        assertThat(renderer.render("shown<noinclude> only on the template</noinclude><includeonly> only where used</includeonly>")
                .html().html()).contains("shown only on the template").doesNotContain("where used");
    }

    @Test
    void articlesAndOtherNamespacesTransclude() {
        Map<String, String> pages = Map.of("Shared text", "Shared **words**", "Help:Box", "help box");
        assertThat(html(pages, "{{:Shared text}} and {{Help:Box}}")).contains("Shared <strong>words</strong> and help box");
    }

    @Test
    void aMissingTemplateIsARedLinkTarget() {
        RenderedPage page = render(Map.of(), "{{Nowhere}} and {{:Absent article}}");
        assertThat(page.links()).containsExactly(Title.parse("Template:Nowhere"), Title.parse("Absent article"));
        assertThat(page.htmlMarking(java.util.Set.of(Title.parse("Template:Nowhere"))).html())
                .contains("class=\"wikilink new\"");
        assertThat(page.templates()).containsEntry(Title.parse("Template:Nowhere"), 0L);
    }

    @Test
    void loopsDepthAndUnsupportedSyntaxShowAsErrorsInThePage() {
        Map<String, String> pages = Map.of("Template:Self", "again {{Self}}",
                "Template:A", "{{B}}", "Template:B", "{{A}}",
                "Template:Deep", "d{{Deep{{{n|}}}x}}");
        assertThat(html(pages, "Before {{Self}} after")).contains("Before again <strong class=\"error\">Template loop:", "after");
        assertThat(html(pages, "{{A}}")).contains("<strong class=\"error\">Template loop:");
        assertThat(html(pages, "{{#if:x|y}} {{subst:Foo}}")).contains("Unsupported template syntax").doesNotContain("<script");
    }

    @Test
    void nestingBeyondTheDepthLimitStops() {
        java.util.Map<String, String> chain = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            chain.put("Template:Level" + i, "L" + i + " {{Level" + (i + 1) + "}}");
        }
        assertThat(html(chain, "{{Level0}}")).contains("L19", "nested more than " + Transclusion.MAX_DEPTH).doesNotContain("L21");
    }

    @Test
    void tooManyCallsAndExponentialGrowthAreCut() {
        String many = "{{T}} ".repeat(Transclusion.MAX_CALLS + 20);
        assertThat(html(Map.of("Template:T", "t"), many)).contains("uses more than " + Transclusion.MAX_CALLS + " templates");
        // Each level doubles its argument: without the limit on characters produced this would never finish.
        Map<String, String> doubling = Map.of("Template:Double", "{{{1}}}{{{1}}}{{{1}}}{{{1}}}");
        String nested = "{{Double|".repeat(18) + "x".repeat(50) + "}}".repeat(18);
        assertThat(html(doubling, nested)).contains("expand to more than");
    }

    @Test
    void hostileParametersStayInert() {
        Map<String, String> pages = Map.of("Template:Box", "<div class=\"box\">{{{1}}}</div> [{{{2}}}]({{{3}}})");
        String html = html(pages, "{{Box|<script>alert(1)</script>|x|javascript:alert(1)}} {{Box|1=<img src=x onerror=alert(1)>}} "
                + "{{Box|1=<sup onclick=alert(1)>1</sup>|2=[[x]]|3=<a href=x>}}");
        Inert.assertInert(html);
        assertThat(html).contains("&lt;script&gt;", "&lt;img src=x", "<sup>1</sup>");
        assertThat(html(pages, "{{" + "{".repeat(5_000) + "unclosed")).contains("unclosed");
        assertThatThrownBy(() -> html(pages, "{{Box|" + "[[".repeat(2_000))).isInstanceOf(TooComplexException.class);
    }

    @Test
    void aCallWithAHundredThousandArgumentsIsReadInOnePass() {
        String call = "{{Many|" + "{{T}}|".repeat(100_000) + "last}}";
        assertThat(html(Map.of("Template:Many", "first {{{1}}} then {{{100001}}}", "Template:T", "t"), call))
                .contains("first t then last");
    }

    @Test
    void templateCallsInCodeAreShownAsTyped() {
        assertThat(html(Map.of("Template:Stub", "STUB"), "`{{Stub}}`\n\n```\n{{Stub}}\n```\n")).doesNotContain("STUB")
                .contains("<code>{{Stub}}</code>");
    }
}
