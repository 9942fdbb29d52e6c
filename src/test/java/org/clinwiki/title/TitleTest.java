package org.clinwiki.title;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TitleTest {

    @Test
    void tryParseGivesTheParsedTitleOrNothingForTextThatNamesNoPage() {
        assertThat(Title.tryParse("alert_fatigue")).contains(Title.parse("Alert fatigue"));
        assertThat(Title.tryParse("a [bracketed] query")).isEmpty();
        assertThat(Title.tryParse("   ")).isEmpty();
        assertThat(Title.tryParse(null)).isEmpty();
    }

    @Test
    void underscoresAndSpacesAreTheSame() {
        assertThat(Title.parse("Social_media_in_healthcare")).isEqualTo(Title.parse("Social media in healthcare"));
    }

    @Test
    void surroundingSpaceIsTrimmedAndRunsCollapse() {
        assertThat(Title.parse("  Clinical __ decision   support_ ").text()).isEqualTo("Clinical decision support");
    }

    @Test
    void firstLetterIsUpperCasedAndTheRestKept() {
        assertThat(Title.parse("cPOE").text()).isEqualTo("CPOE");
        assertThat(Title.parse("électronic record").text()).isEqualTo("Électronic record");
        assertThat(Title.parse("eHR adoption").name()).isEqualTo("EHR adoption");
    }

    @Test
    void titlesDifferingBeyondTheFirstLetterAreDifferent() {
        assertThat(Title.parse("CPOE")).isNotEqualTo(Title.parse("Cpoe"));
    }

    @ParameterizedTest
    @CsvSource({
        "Talk:CPOE, TALK, CPOE",
        "talk:cPOE, TALK, CPOE",
        "User:jsmith, USER, Jsmith",
        "CATEGORY : clinical decision support, CATEGORY, Clinical decision support",
        "Help:Editing, HELP, Editing",
        "ICD-10: an overview, MAIN, ICD-10: an overview",
        "Category_talk:Foo, CATEGORY_TALK, Foo",
        "user TALK:jsmith, USER_TALK, Jsmith",
        "Template:Stub, TEMPLATE, Stub",
        "Portal talk:Foo, MAIN, Portal talk:Foo",
    })
    void namespacePrefixesAreRecognisedIgnoringCase(String raw, Namespace namespace, String name) {
        Title title = Title.parse(raw);
        assertThat(title.namespace()).isEqualTo(namespace);
        assertThat(title.name()).isEqualTo(name);
    }

    @Test
    void textPutsThePrefixBackAndUrlPathUsesUnderscores() {
        Title title = Title.parse("category:clinical decision support");
        assertThat(title.text()).isEqualTo("Category:Clinical decision support");
        assertThat(title.urlPath()).isEqualTo("Category:Clinical_decision_support");
    }

    @Test
    void urlPathPercentEncodesWhatAPathCannotCarry() {
        assertThat(Title.parse("What? 100% & more/naïve").urlPath())
                .isEqualTo("What%3F_100%25_%26_more/na%C3%AFve");
    }

    @Test
    void leadingColonMeansNoCategoryAssignmentButSameTitle() {
        assertThat(Title.parse(":Category:Foo")).isEqualTo(Title.parse("Category:Foo"));
    }

    @Test
    void nonBreakingAndOtherUnicodeSpacesCountAsSpaces() {
        assertThat(Title.parse("Clinical\u00A0decision\u3000support").text()).isEqualTo("Clinical decision support");
    }

    @Test
    void directionMarksAreRemoved() {
        assertThat(Title.parse("CPOE\u200E").text()).isEqualTo("CPOE");
    }

    @Test
    void composedAndDecomposedFormsAreTheSameTitle() {
        assertThat(Title.parse("Cafe\u0301")).isEqualTo(Title.parse("Caf\u00E9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A#B", "A<B", "A>B", "A[B", "A]B", "A|B", "A{B", "A}B"})
    void forbiddenCharactersAreRejected(String raw) {
        assertThatThrownBy(() -> Title.parse(raw))
                .isInstanceOf(InvalidTitleException.class)
                .hasMessageContaining("cannot contain the character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000B", "A\u0007B", "A\nB", "A\tB", "A\u007FB", "A\u0085B", "A\uFFFDB"})
    void controlCharactersAreRejected(String raw) {
        assertThatThrownBy(() -> Title.parse(raw)).isInstanceOf(InvalidTitleException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "___", ":", "Category:", "Talk: ", "Help:_"})
    void emptyTitlesAreRejected(String raw) {
        assertThatThrownBy(() -> Title.parse(raw)).isInstanceOf(InvalidTitleException.class);
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> Title.parse(null)).isInstanceOf(InvalidTitleException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A%20B", "100%2f", "%E2%82%AC"})
    void percentEscapesAreRejected(String raw) {
        assertThatThrownBy(() -> Title.parse(raw)).isInstanceOf(InvalidTitleException.class);
    }

    @Test
    void aLonePercentSignIsAllowed() {
        assertThat(Title.parse("100% uptime").text()).isEqualTo("100% uptime");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "./A", "../A", "A/./B", "A/../B", "A/.", "A/.."})
    void relativePathSegmentsAreRejected(String raw) {
        assertThatThrownBy(() -> Title.parse(raw)).isInstanceOf(InvalidTitleException.class);
    }

    @Test
    void subpagesWithSlashesAreAllowed() {
        assertThat(Title.parse("CPOE/History").text()).isEqualTo("CPOE/History");
        assertThat(Title.parse("...and beyond").text()).isEqualTo("...and beyond");
    }

    @Test
    void nameOf255BytesIsAllowedAnd256IsNot() {
        assertThat(Title.parse("A".repeat(255)).name()).hasSize(255);
        assertThatThrownBy(() -> Title.parse("A".repeat(256))).isInstanceOf(InvalidTitleException.class)
                .hasMessageContaining("255 bytes");
    }

    @Test
    void lengthLimitCountsUtf8BytesNotCharacters() {
        String eighty_fiveThreeByteChars = "\u20AC".repeat(85);
        assertThat(Title.parse(eighty_fiveThreeByteChars).name()).hasSize(85);
        assertThatThrownBy(() -> Title.parse("\u20AC".repeat(86))).isInstanceOf(InvalidTitleException.class);
    }

    @Test
    void lengthLimitAppliesToTheNameAfterThePrefix() {
        assertThat(Title.parse("Category:" + "A".repeat(255)).name()).hasSize(255);
    }

    @Test
    void namespaceKeysRoundTrip() {
        for (Namespace namespace : Namespace.values()) {
            assertThat(Namespace.ofKey(namespace.key())).contains(namespace);
        }
    }

    @Test
    void talkPagesPairWithTheirSubjects() {
        assertThat(Title.parse("CPOE").talk()).isEqualTo(Title.parse("Talk:CPOE"));
        assertThat(Title.parse("Help:Editing").talk().text()).isEqualTo("Help talk:Editing");
        assertThat(Title.parse("Help_talk:Editing").subject()).isEqualTo(Title.parse("Help:Editing"));
        assertThat(Title.parse("User:Alice").talk().text()).isEqualTo("User talk:Alice");
        assertThat(Title.parse("Template:Stub").talk().urlPath()).isEqualTo("Template_talk:Stub");
        assertThat(Title.parse("Category talk:Standards").subject()).isEqualTo(Title.parse("Category:Standards"));
        assertThat(Title.parse("Talk:CPOE").talk()).isEqualTo(Title.parse("Talk:CPOE"));
        assertThat(Title.parse("CPOE").subject()).isEqualTo(Title.parse("CPOE"));
    }
}
