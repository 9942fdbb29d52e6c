package org.clinwiki.category;

import org.clinwiki.testing.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.Config;
import org.clinwiki.Wiki;
import org.clinwiki.page.Edit;
import org.clinwiki.page.Page;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Category membership as pages are saved, and browsing it, on a real SQLite file, without HTTP. */
class CategoryServiceTest {

    @TempDir
    Path dataDir;

    private Wiki wiki;
    private Actor editor;

    @BeforeEach
    void open() {
        wiki = Wiki.open(TestDatabases.config(dataDir), Clock.systemUTC());
        wiki.users().create("root", "", "", Role.ADMIN, "a long test password 1");
        editor = new Actor(wiki.users().require("root"), "test");
    }

    @AfterEach
    void close() {
        wiki.close();
    }

    private void save(String title, String text) {
        Optional<Page> page = wiki.reader().find(Title.parse(title), Optional.empty());
        OptionalLong base = page.map(p -> OptionalLong.of(p.latestRevisionId())).orElse(OptionalLong.empty());
        wiki.pages().save(editor, new Edit(Title.parse(title), text, "", base, false));
    }

    @Test
    void aCategoryListsItsSubcategoriesApartFromItsPagesInTitleOrder() {
        save("CPOE", "Order entry. [[Category:Clinical systems]]");
        save("Barcode medication administration", "BCMA. [[Category:Clinical systems]]");
        save("Category:Decision support", "Alerts. [[Category:Clinical systems]]");
        save("Category:Clinical systems", "Systems clinicians use. [[Category:Health informatics]]");

        CategoryListing listing = wiki.categories().listing("Clinical systems", "", 10);

        assertThat(listing.pages()).extracting(Title::text).containsExactly("Barcode medication administration", "CPOE");
        assertThat(listing.subcategories()).extracting(Title::text).containsExactly("Category:Decision support");
        assertThat(listing.parents()).containsExactly("Health informatics");
        assertThat(listing.nextAfter()).isEmpty();
    }

    @Test
    void aLongCategoryIsListedInPages() {
        for (int i = 0; i < 5; i++) {
            save("Note " + i, "[[Category:Notes]]");
        }

        CategoryListing first = wiki.categories().listing("Notes", "", 3);
        CategoryListing rest = wiki.categories().listing("Notes", first.nextAfter().orElseThrow(), 3);

        assertThat(first.pages()).extracting(Title::text).containsExactly("Note 0", "Note 1", "Note 2");
        assertThat(rest.pages()).extracting(Title::text).containsExactly("Note 3", "Note 4");
        assertThat(rest.nextAfter()).isEmpty();
    }

    @Test
    void anEditThatDropsACategoryTakesThePageOutOfIt() {
        save("HL7", "Messaging. [[Category:Standards]] [[Category:Interoperability]]");
        save("HL7", "Messaging. [[Category:Standards]]");

        assertThat(wiki.categories().listing("Interoperability", "", 10).pages()).isEmpty();
        assertThat(wiki.categories().listing("Standards", "", 10).pages()).extracting(Title::text).containsExactly("HL7");
    }

    @Test
    void theCategoryListCountsMembersAndKnowsWhichCategoriesHaveAPage() {
        save("HL7", "[[Category:Standards]]");
        save("FHIR", "[[Category:Standards]]");
        save("SNOMED CT", "[[Category:Terminologies]]");
        save("Category:Standards", "Standards used in health care.");

        assertThat(wiki.categories().list("", "", 10)).containsExactly(
                new CategorySummary("Standards", 2, true), new CategorySummary("Terminologies", 1, false));
        assertThat(wiki.categories().list("Term", "", 10)).extracting(CategorySummary::name).containsExactly("Terminologies");
    }
}
