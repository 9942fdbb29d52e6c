package org.clinwiki.title;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Title rules on random and adversarial text: a clean answer always, and a parsed title is stable and safe. */
class TitlePropertiesTest {

    private static final List<String> FRAGMENTS = List.of("a", "Z", " ", "_", "  ", ":", "/", ".", "..", "./", "/..", "#", "%",
            "%20", "%zz", "[", "]", "|", "{", "}", "<", ">", "\u200E", "\u202E", "\u0000", "\u0007", "\uFEFF", "\uFFFD", "Talk:",
            "Category:", "category_talk:", "User:", "é", "ß", "ǆ", "𝔘", "\uD800", "İ", "\t", "\n", "\u3000", "x".repeat(40),
            "ü".repeat(30), "CON", "C:", "\\", "~~~~", "+", "?", "&");

    @Provide
    Arbitrary<String> adversarial() {
        return Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS).list().ofMaxSize(24).map(parts -> String.join("", parts)),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(60));
    }

    @Property(tries = 3000)
    void anyTextIsATitleOrRefusedAsInvalid(@ForAll("adversarial") String raw) {
        Optional<Title> title = Title.tryParse(raw);
        // tryParse turns exactly InvalidTitleException into empty; anything else would escape and fail this property.
        title.ifPresent(TitlePropertiesTest::isSafe);
    }

    @Property(tries = 3000)
    void aTitleParsesBackToItselfFromItsTextAndItsUrl(@ForAll("adversarial") String raw) {
        Optional<Title> title = Title.tryParse(raw);
        if (title.isEmpty()) {
            return;
        }
        Title parsed = title.get();
        assertThat(Title.parse(parsed.text())).isEqualTo(parsed);
        String path = URLDecoder.decode(parsed.urlPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(Title.parse(path)).isEqualTo(parsed);
    }

    private static void isSafe(Title title) {
        String name = title.name();
        assertThat(name).isNotEmpty().isEqualTo(name.strip()).doesNotContain("  ", "_");
        assertThat(name.chars()).noneMatch(c -> "#<>[]|{}".indexOf(c) >= 0 || Character.isISOControl(c));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Title.MAX_BYTES);
        assertThat(("/" + name + "/").contains("/./") || ("/" + name + "/").contains("/../")).as(name).isFalse();
        assertThat(name).doesNotStartWith(":");
    }
}
