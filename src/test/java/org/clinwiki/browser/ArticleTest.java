package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The article a MediaWiki reader expects, in real Chromium: references cited several times,
 * citations, subscripts, a stub template with its category, a signed talk page; then editing
 * one section, adding a talk topic, and editing the template.
 */
class ArticleTest extends BrowserTestCase {

    static final String ARTICLE = """
            {{Stub}}

            **Social media in healthcare** is the use of social platforms by patients and clinicians.[^hawn2009]
            Patients with diabetes share HbA<sub>1c</sub> results online.[^hawn2009][^moorhead2013]

            ## Uses

            Clinicians follow professional networks.[^hawn2009]

            ## Risks

            Privacy of PHI.

            ## References

            [^hawn2009]: {{cite journal|last1=Hawn|first1=Carleen|title=Take two aspirin and tweet me in the morning|journal=Health Aff (Millwood)|year=2009|volume=28|issue=2|pages=361-368|doi=10.1377/hlthaff.28.2.361|pmid=19275991}}
            [^moorhead2013]: {{cite journal|last1=Moorhead|first1=S Anne|last2=Hazlett|first2=Diane E|title=A new dimension of health care|journal=J Med Internet Res|year=2013|volume=15|issue=4|pages=e85|doi=10.2196/jmir.1933|pmid=23615206}}
            """;

    String editorToken;

    @BeforeAll
    void pages() {
        editorToken = wiki.login("alice", Role.EDITOR, "RN, MSN");
        wiki.save("Template:Stub", "**This article is a stub.** <includeonly>[[Category:Stubs]]</includeonly>", editorToken);
        wiki.save("Social_media_in_healthcare", ARTICLE, editorToken);
        wiki.save("Talk:Social_media_in_healthcare", "## Sources\n\nShould we add the 2013 review? ~~~~\n:Yes. ~~~~", editorToken);
    }

    @Test
    void readsAsAMediaWikiReaderExpects() {
        browser.go("/wiki/Social_media_in_healthcare");
        List<WebElement> citations = browser.findAll(".article-body sup.reference a");
        assertThat(citations).extracting(WebElement::getText).containsExactly("[1]", "[1]", "[2]", "[1]");
        List<WebElement> notes = browser.findAll("ol.references > li");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).getText()).startsWith("↑ a b c Hawn C. Take two aspirin and tweet me in the morning. Health Aff (Millwood). "
                + "2009;28(2):361-368. doi:10.1377/hlthaff.28.2.361. PMID: 19275991.");
        assertThat(notes.get(1).getText()).startsWith("↑ Moorhead SA, Hazlett DE.");
        assertThat(browser.find("ol.references a[href='https://doi.org/10.1377/hlthaff.28.2.361']").isDisplayed()).isTrue();
        assertThat(browser.find("ol.references a[href='https://pubmed.ncbi.nlm.nih.gov/19275991/']").isDisplayed()).isTrue();
        // One References heading, placed by the author, listed once in the contents.
        assertThat(browser.findAll(".article-body h2")).extracting(WebElement::getText)
                .allSatisfy(text -> assertThat(text).doesNotContain("References References"));
        assertThat(browser.findAll("[id=references]")).hasSize(1);
        assertThat(browser.findAll(".toc a")).extracting(a -> a.getDomAttribute("href"))
                .containsExactly("#uses", "#risks", "#references");
        assertThat(browser.find(".article-body sub").getText()).isEqualTo("1c");
        assertThat(browser.find(".article-body").getText()).contains("This article is a stub.");
        assertThat(browser.find(".categories").getText()).contains("Stubs");
        // The back-link "b" goes to the second citation of the first note.
        browser.find("ol.references li#cite-note-1 .backlinks a[href='#cite-ref-1-2']").click();
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("#cite-ref-1-2"));
        assertThat(browser.accessibilityProblems()).isEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void talkPageShowsSignedIndentedComments() {
        browser.go("/wiki/Talk:Social_media_in_healthcare");
        assertThat(browser.find(".article-body a[href='/wiki/User:Alice']").getText()).isEqualTo("alice Display");
        assertThat(browser.find(".article-body a[href='/wiki/User_talk:Alice']").getText()).isEqualTo("talk");
        assertThat(browser.find(".article-body .reply").getText()).startsWith("Yes. alice Display (talk)").contains("(UTC)");
        assertThat(browser.findAll(".article-body pre")).isEmpty();
    }

    @Test
    void editOneSectionThenAddATopicThenEditTheTemplate() {
        wiki.save("Uses_template_too", "{{Stub}}\n\nAnother page.", editorToken);
        browser.logIn("alice", TestWiki.PASSWORD);

        browser.go("/wiki/Social_media_in_healthcare");
        browser.clickThrough("h2#risks .section-edit a");
        assertThat(browser.path()).isEqualTo("/wiki/Social_media_in_healthcare/edit?section=2");
        WebElement editor = browser.find("#cw-markdown");
        assertThat(editor.getDomProperty("value")).isEqualTo("## Risks\n\nPrivacy of PHI.");
        assertThat(browser.find("#cw-summary").getDomProperty("value")).isEqualTo("/* Risks */ ");
        editor.clear();
        editor.sendKeys("## Risks\n\nPrivacy of PHI and misinformation.");
        browser.clickThrough("button[value=save]");
        assertThat(browser.find(".article-body").getText()).contains("Privacy of PHI and misinformation.", "Clinicians follow");
        assertThat(wiki.get("/api/v1/pages/Social_media_in_healthcare").json().path("markdown").asText())
                .startsWith("{{Stub}}\n\n**Social media").contains("## Uses\n\nClinicians follow professional networks.[^hawn2009]");

        browser.go("/wiki/Talk:Social_media_in_healthcare");
        browser.clickThrough(".page-tabs a[href$='edit?section=new']");
        browser.find("#cw-section-title").sendKeys("Misinformation");
        browser.find("#cw-markdown").sendKeys("Should we cite the WHO infodemic work? ~~~~");
        browser.clickThrough("button[value=save]");
        assertThat(browser.find("h2#misinformation").getText()).contains("Misinformation");
        assertThat(browser.find(".article-body").getText()).contains("Should we cite the WHO infodemic work? alice Display (talk)");

        browser.go("/wiki/Template:Stub/edit");
        WebElement template = browser.find("#cw-markdown");
        template.clear();
        template.sendKeys("**Help expand this stub article.** <includeonly>[[Category:Stubs]]</includeonly>");
        browser.clickThrough("button[value=save]");
        browser.go("/wiki/Social_media_in_healthcare");
        assertThat(browser.find(".article-body").getText()).contains("Help expand this stub article.");
        browser.go("/wiki/Uses_template_too");
        assertThat(browser.find(".article-body").getText()).contains("Help expand this stub article.");
    }
}
