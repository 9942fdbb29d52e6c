package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Focused rules of the conversion; the golden files show whole constructs. */
class WikitextConverterTest {

    private final WikitextConverter converter = new WikitextConverter(SourceSite.defaults("Clinfowiki"));

    private String markdown(String wikitext) {
        return converter.convert(wikitext, "Metformin").markdown();
    }

    private Conversion conversion(String wikitext) {
        return converter.convert(wikitext, "Metformin");
    }

    @Test
    void reusedNamedReferenceBecomesOneFootnote() {
        String markdown = markdown("A.<ref name=\"who\">WHO 2020.</ref> B.<ref name=\"who\"/> C.<ref name=who />");
        assertThat(markdown).startsWith("A.[^who] B.[^who] C.[^who]");
        assertThat(markdown.split("\\[\\^who]:", -1)).hasSize(2);
    }

    @Test
    void forwardReferenceIsDefinedWhereItsTextComesLater() {
        assertThat(markdown("A.<ref name=\"x\"/> B.<ref name=\"x\">Later.</ref>")).isEqualTo("A.[^x] B.[^x]\n\n[^x]: Later.\n");
    }

    @Test
    void undefinedReferenceGetsANoteSayingSoAndIsReported() {
        Conversion conversion = conversion("A.<ref name=\"CCD\"/>");
        assertThat(conversion.markdown()).contains("[^CCD]: Note \"CCD\" was not defined in this revision.");
        assertThat(conversion.issues()).extracting(ConversionIssue::construct).contains("note \"CCD\" cited but not defined");
    }

    @Test
    void groupedNotesAreASeparateSeriesOfLabels() {
        assertThat(markdown("A.<ref>x</ref> B.<ref group=\"note\">y</ref>")).startsWith("A.[^1] B.[^note-2]");
    }

    @Test
    void noteBodiesAreConvertedWithTheirLinksAndCitations() {
        assertThat(markdown("A.<ref>See [[Insulin]] and {{cite web|url=http://x.org|title=''X''}}</ref>"))
                .contains("[^1]: See [[Insulin]] and {{cite web|url=http://x.org|title=X}}");
    }

    @Test
    void pipeTrickAndLinkTrailsShowWhatTheReaderSaw() {
        assertThat(markdown("[[Help:Contents|]] [[nurse]]s [[Foo (bar)|]]"))
                .isEqualTo("[[Help:Contents|Contents]] [[nurse|nurses]] [[Foo (bar)|Foo]]\n");
    }

    @Test
    void localisedNamespaceNamesBecomeClinwikisPrefixesWithTheVisibleTextKept() {
        SourceSite german = new SourceSite("Wiki", Map.of("Bild", 6, "Datei", 6, "Benutzer", 2, "Kategorie", 14, "Vorlage", 10));
        String markdown = new WikitextConverter(german).convert(
                "[[Benutzer:Anna]] [[Bild:X.png|thumb|Ein Bild]] {{Vorlage:Hinweis}} [[Kategorie:Medizin]]", "Seite").markdown();
        assertThat(markdown).isEqualTo("[[User:Anna|Benutzer:Anna]] [[File:X.png|thumb|Ein Bild]] {{Hinweis}} [[Category:Medizin]]\n");
    }

    @Test
    void namespacesClinwikiLacksKeepTheirPrefixAndAreReported() {
        Conversion conversion = conversion("[[Module:Citation]] and {{Module:Foo}}");
        assertThat(conversion.markdown()).isEqualTo("[[Module:Citation]] and {{Module:Foo}}\n");
        assertThat(conversion.issues()).hasSize(2);
    }

    @Test
    void theProjectNamespaceIsNamedAfterTheSite() {
        assertThat(markdown("[[Clinfowiki:About]] [[clinfowiki_talk:About|talk]]"))
                .isEqualTo("[[Project:About|Clinfowiki:About]] [[Project talk:About|talk]]\n");
    }

    @Test
    void templatePagesKeepParametersAndInclusionTagsAsWritten() {
        String template = "<noinclude>Doc</noinclude>{{{1|''default''}}} and {{{name}}}<includeonly>[[Category:X]]</includeonly>";
        assertThat(converter.convert(template, "Template:T").markdown())
                .isEqualTo("<noinclude>Doc</noinclude>{{{1|''default''}}} and {{{name}}}<includeonly>[[Category:X]]</includeonly>\n");
    }

    @Test
    void templateArgumentsAreConvertedAndNamesNormalised() {
        assertThat(markdown("{{Template:Drug box|'''Metformin'''|class=[[biguanide]]s}}"))
                .isEqualTo("{{Drug box|**Metformin**|class=[[biguanide|biguanides]]}}\n");
    }

    @Test
    void templateArgumentsThatAreOneWordGoInAsWritten() {
        assertThat(markdown("{{Infobox|image=Metformin_structure.svg|url=http://x.org/a_b*c|n=1.}}"))
                .isEqualTo("{{Infobox|image=Metformin_structure.svg|url=http://x.org/a_b*c|n=1.}}\n");
    }

    @Test
    void aBrokenConstructDegradesAloneAndTheRestConverts() {
        Conversion conversion = conversion("'''Bold''' text\n{| never closed\n| cell");
        assertThat(conversion.markdown()).contains("**Bold**", "| cell |");
        assertThat(conversion.issues()).extracting(ConversionIssue::construct).doesNotContain("the whole page");
    }

    @Test
    void parserFunctionsAreKeptAsCodeAndPageVariablesBecomeText() {
        Conversion conversion = converter.convert("{{#if:a|b|c}} {{PAGENAME}} {{FULLPAGENAME}}", "Talk:Metformin");
        assertThat(conversion.markdown()).isEqualTo("`{{#if:a|b|c}}` Metformin Talk:Metformin\n");
        assertThat(conversion.issues()).containsExactly(new ConversionIssue("parser function {{#if:}}", "kept as code"));
    }

    @Test
    void citationKindsClinwikiLacksMapToTheNearestAndAreReported() {
        Conversion conversion = conversion("<ref>{{Cite news|newspaper=Times|title=T}}</ref>");
        assertThat(conversion.markdown()).contains("{{cite web|title=T|work=Times}}");
        assertThat(conversion.issues()).contains(new ConversionIssue("citation {{cite news}}", "shown as {{cite web}}"));
    }

    @Test
    void categorySortKeysAreDroppedAndReported() {
        Conversion conversion = conversion("[[Category:Drugs|Metformin]]");
        assertThat(conversion.markdown()).isEqualTo("[[Category:Drugs]]\n");
        assertThat(conversion.issues()).extracting(ConversionIssue::construct).containsExactly("category sort key");
    }

    @Test
    void redirectsKeepTheirTargetWithClinwikisPrefix() {
        assertThat(markdown("#REDIRECT [[Image:X.png]]")).isEqualTo("#REDIRECT [[File:X.png]]\n");
        assertThat(markdown("#redirect:[[Target]] trailing")).startsWith("#REDIRECT [[Target]]\n");
    }

    @Test
    void entitiesBecomeCharactersExceptWhereMarkdownWouldReadThem() {
        assertThat(markdown("a&nbsp;b &mdash; &#123; &lt;b&gt; &amp;amp; &unknown;"))
                .isEqualTo("a\u00A0b — { \\<b> \\&amp; \\&unknown;\n");
    }

    @Test
    void textThatLooksLikeMarkdownIsEscaped() {
        assertThat(markdown("1. one\n+ plus\n> quote")).isEqualTo("1\\. one\n\\+ plus\n\\> quote\n");
        assertThat(markdown("a *b* _c_ `d` [e] \\f")).isEqualTo("a \\*b\\* \\_c\\_ \\`d\\` \\[e\\] \\\\f\n");
    }

    @Test
    void apostrophesFollowMediaWikisReading() {
        assertThat(markdown("l'''amour''' ''i'' '''b''' '''''bi'''''")).isEqualTo("l**amour** *i* **b** ***bi***\n");
        // Odd italics and odd bolds: the bold after a single letter is an apostrophe and an italic.
        assertThat(markdown("''italic'' l'''amour and ''x")).isEqualTo("*italic* l'*amour and* x\n");
        assertThat(markdown("'''bold ''italic''''' end")).isEqualTo("**bold *italic*** end\n");
    }

    @Test
    void aTableWithARowSpanRepeatsTheCellAndIsReported() {
        Conversion conversion = conversion("{|\n! a !! b\n|-\n| rowspan=2 | x || 1\n|-\n| 2\n|}");
        assertThat(conversion.markdown()).isEqualTo("| a | b |\n| --- | --- |\n| x | 1 |\n| x | 2 |\n");
        assertThat(conversion.issues()).extracting(ConversionIssue::construct).containsExactly("table with rowspan");
    }

    @Test
    void aBarInATableCellIsEscaped() {
        assertThat(markdown("{|\n! h\n|-\n| a <nowiki>|</nowiki> b\n|}")).contains("| a \\| b |");
    }

    @Test
    void repeatedIssuesAreCountedOnce() {
        Conversion conversion = conversion("{{#if:a}} {{#if:b}} {{#if:c}}");
        assertThat(conversion.issues()).containsExactly(new ConversionIssue("parser function {{#if:}}", "kept as code", 3));
    }
}
