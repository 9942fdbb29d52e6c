package org.clinwiki.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of {@code DESIGN.md}, checked on the product's compiled classes: features
 * below, the web layer above them, the composition root ({@code App}, {@code Wiki}) above that
 * and the command line on top; no package cycles.
 */
class ArchitectureTest {

    private static final String BASE = "org.clinwiki";
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/gg/jte/generated/"))
                .importPackages(BASE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.clinwiki.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void onlyTheCommandLineUsesTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages(BASE, BASE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(BASE)
                .because("App and Wiki build the features; a feature that reached back would close a cycle")
                .check(product);
    }

    @Test
    void onlyTheCompositionRootBuildsTheWebLayer() {
        noClasses().that().resideOutsideOfPackages(BASE, BASE + ".web..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".web..")
                .check(product);
    }

    @Test
    void onlyTheWebLayerKnowsHttp() {
        noClasses().that().resideOutsideOfPackage(BASE + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .because("rendering, titles, diffs, search and the services are used without HTTP (the command line, importers)")
                .check(product);
    }

    @Test
    void pagesDoNotKnowTheSearchIndex() {
        noClasses().that().resideInAPackage(BASE + ".page..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".search..")
                .because("the index hears of saves through the PageListener that App passes in")
                .check(product);
    }

    @Test
    void searchDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage(BASE + ".search..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".user..", BASE + ".category..", BASE + ".audit..",
                        BASE + ".web..", BASE + ".cli..", BASE + ".bench..")
                .check(product);
    }

    @Test
    void pureLibrariesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(BASE + ".title..", BASE + ".diff..", BASE + ".render..", BASE + ".limit..",
                        BASE + ".error..", BASE + ".db..", BASE + ".wikitext..", BASE + ".cluster..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".page..", BASE + ".user..", BASE + ".category..",
                        BASE + ".search..", BASE + ".audit..", BASE + ".file..", BASE + ".mediawiki..")
                .check(product);
    }

    @Test
    void theWikitextConverterIsTextInTextOut() {
        noClasses().that().resideInAPackage(BASE + ".wikitext..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".db..", BASE + ".render..", BASE + ".limit..")
                .because("reading dumps and converting wikitext needs no database and no renderer: the importer and "
                        + "reconvert call it, and its tests need nothing but text")
                .check(product);
    }

    @Test
    void theWikitextConverterKnowsOnlyTitles() {
        noClasses().that().resideInAPackage(BASE + ".wikitext..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".page..", BASE + ".user..", BASE + ".category..",
                        BASE + ".search..", BASE + ".audit..", BASE + ".render..", BASE + ".db..", BASE + ".file..",
                        BASE + ".web..", BASE + ".cli..", BASE + ".diff..", BASE + ".limit..", BASE + ".error..")
                .because("it is pure, text in and text out, so importers and re-conversion can run it anywhere")
                .check(product);
    }

    @Test
    void theWebLayerGoesThroughServices() {
        noClasses().that().resideInAPackage(BASE + ".web..")
                .should().dependOnClassesThat(store().or(DescribedPredicate.describe("in db",
                        (JavaClass c) -> c.getPackageName().equals(BASE + ".db"))))
                .check(product);
    }

    @Test
    void theClientAddressComesFromOnePlace() {
        noClasses().should().callMethod("io.javalin.http.Context", "ip")
                .because("behind a load balancer the connection's address is the balancer's: ClientAddress knows which "
                        + "X-Forwarded-For to believe (--trusted-proxies)")
                .check(product);
    }

    @Test
    void onlyTheDatabaseAndTheStoresTouchJdbi() {
        noClasses().that(DescribedPredicate.not(store()).and(DescribedPredicate.describe("outside db",
                        (JavaClass c) -> !c.getPackageName().equals(BASE + ".db"))))
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..")
                .check(product);
    }

    @Test
    void aFeaturesStoresAreItsOwn() {
        classes().that().resideInAPackage(BASE + "..").should(useOnlyTheirOwnPackagesStores())
                .because("each feature owns its SQL; another feature writes through it on the same transaction "
                        + "(CategoryAssignments, AuditLog)")
                .check(product);
    }

    /** A store (SQL interface) or a class inside one (its row mappers). */
    private static DescribedPredicate<JavaClass> store() {
        return DescribedPredicate.describe("a store", ArchitectureTest::isStore);
    }

    private static boolean isStore(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.getSimpleName().endsWith("Store") && c.getPackageName().startsWith(BASE)) {
                return true;
            }
        }
        return false;
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnPackagesStores() {
        return new ArchCondition<>("use only their own package's stores") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean foreignStore = isStore(target) && !target.getPackageName().equals(origin.getPackageName());
                    if (foreignStore) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
