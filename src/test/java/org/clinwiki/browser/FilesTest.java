package org.clinwiki.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinwiki.testing.BrowserTestCase;
import org.clinwiki.testing.ImageFixtures;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * Figures as a new editor adds them, in real Chromium: uploading a photo that knows where it was
 * taken, a screenshot, a drawing with a script in it and a policy PDF through the form; showing
 * them in an article at desktop and phone width; a new version and a revert. The photo's
 * location never reaches a reader, the drawing's script never runs, and HTML posing as a PNG
 * is refused.
 */
class FilesTest extends BrowserTestCase {

    static final String HOSTILE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" onload="document.title='pwned';alert(1)">
              <script>document.title = 'pwned'; alert(2);</script>
              <rect width="240" height="120" fill="#3366cc"/>
              <text x="20" y="60" fill="#fff">Workflow</text>
            </svg>
            """;

    static final String ARTICLE = """
            Barcode medication administration checks each dose at the bedside.

            [[File:Scanner photo.jpg|thumb|A barcode scanner on a medication cart, see [[BCMA]]]]

            [[File:Order screen.png|200px|right|alt=The order entry screen]]

            The hospital's [[Media:Scanning policy.pdf|scanning policy (PDF)]] says when to override.

            [[File:Workflow.svg|thumb|left|The scanning workflow]]

            ## Evidence

            Fewer administration errors.
            """;

    @TempDir
    Path uploads;
    String editorPassword = TestWiki.PASSWORD;

    @BeforeAll
    void accounts() {
        wiki.login("fiona", Role.EDITOR);
        wiki.login("adam", Role.ADMIN);
    }

    private Path file(String name, byte[] bytes) {
        try {
            return Files.write(uploads.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void uploadThroughTheForm(Path file, boolean newVersion) {
        browser.go("/special/upload");
        browser.find("#cw-upload-file").sendKeys(file.toAbsolutePath().toString());
        if (newVersion) {
            browser.find("input[name=replace]").click();
        }
        browser.clickThrough(".upload-form button[type=submit]");
    }

    @Test
    void anEditorUploadsEmbedsReplacesAndRevertsFiguresSafely() {
        browser.logIn("fiona", editorPassword);
        uploadThroughTheForm(file("Scanner photo.jpg", ImageFixtures.jpegTaggedWithLocation(800, 600)), false);
        assertThat(browser.path()).isEqualTo("/wiki/File:Scanner_photo.jpg");
        assertThat(browser.find(".file-history").getText()).contains("File history", "800 × 600 pixels");
        uploadThroughTheForm(file("Order screen.png", ImageFixtures.png(1000, 700)), false);
        uploadThroughTheForm(file("Workflow.svg", HOSTILE_SVG.getBytes(StandardCharsets.UTF_8)), false);
        uploadThroughTheForm(file("Scanning policy.pdf", ImageFixtures.pdf()), false);
        assertThat(browser.path()).isEqualTo("/wiki/File:Scanning_policy.pdf");

        // HTML that calls itself a PNG is refused, with the form shown again.
        uploadThroughTheForm(file("Harmless.png", "<html><script>alert(3)</script></html>".getBytes(StandardCharsets.UTF_8)), false);
        assertThat(browser.find(".notice.error").getText()).contains("HTML");
        assertThat(wiki.get("/api/v1/files/Harmless.png").status()).isEqualTo(404);

        browser.go("/wiki/BCMA_article/edit");
        browser.script("arguments[0].value = arguments[1]", browser.find("#cw-markdown"), ARTICLE);
        browser.clickThrough("button[value=save]");
        assertThat(browser.path()).isEqualTo("/wiki/BCMA_article");

        // Desktop: a captioned thumb, a right-floated image 200 px wide, a PDF link, the drawing.
        WebElement thumb = browser.find("figure.embed.thumb img");
        assertThat(browser.find("figure.embed.thumb figcaption").getText()).isEqualTo("A barcode scanner on a medication cart, see BCMA");
        assertThat(thumb.getAttribute("width")).isEqualTo("220");
        assertThat(thumb.getAttribute("srcset")).contains("2x");
        WebElement right = browser.find("figure.embed.align-right img");
        assertThat(right.getAttribute("alt")).isEqualTo("The order entry screen");
        assertThat(right.getSize().getWidth()).isEqualTo(200);
        assertThat(browser.find("a.media-link").getAttribute("href")).endsWith("/files/Scanning_policy.pdf");
        for (WebElement image : browser.findAll(".article-body img")) {
            browser.script("arguments[0].scrollIntoView()", image);
            browser.waitFor(driver -> (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        }
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // Phone: nothing wider than the screen.
        browser.resize(390, 844);
        browser.go("/wiki/BCMA_article");
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(
                (Long) browser.script("return window.innerWidth"));
        assertThat(browser.find("figure.embed.thumb").getSize().getWidth()).isLessThanOrEqualTo(390);
        browser.resize(1280, 900);

        // A new version of the screenshot, then an administrator reverts it.
        uploadThroughTheForm(file("Order screen.png", ImageFixtures.png(1200, 700)), true);
        assertThat(browser.findAll(".file-versions tbody tr")).hasSize(2);
        browser.forgetCookies();
        browser.logIn("adam", editorPassword);
        browser.go("/wiki/File:Order_screen.png");
        browser.clickThrough(".file-versions button[type=submit]");
        assertThat(browser.findAll(".file-versions tbody tr")).hasSize(3);
        assertThat(wiki.get("/api/v1/files/Order_screen.png").json().path("latest").path("width").asInt()).isEqualTo(1000);

        // The drawing opened on its own: sanitised, and sandboxed besides.
        browser.go("/files/Workflow.svg");
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("the SVG's script ran");
        } catch (NoAlertPresentException expected) {
            // no script ran
        }
        assertThat(new String(wiki.getBytes("/files/Workflow.svg").body(), StandardCharsets.UTF_8))
                .contains("<rect").doesNotContain("script", "onload");

        // Where the photo was taken is in no byte served, original or thumbnail.
        for (String path : new String[] {"/files/Scanner_photo.jpg", "/files/Scanner_photo.jpg?width=220", "/files/Scanner_photo.jpg?width=500"}) {
            byte[] served = wiki.getBytes(path).body();
            String text = new String(served, StandardCharsets.ISO_8859_1);
            assertThat(text).as(path).doesNotContain(ImageFixtures.LOCATION_SECRET, ImageFixtures.SERIAL_SECRET, "Exif");
        }
    }
}
