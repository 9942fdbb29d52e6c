package org.clinwiki.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, found on the
 * PATH or through the {@code CHROMIUM} and {@code CHROMEDRIVER} environment variables),
 * driven by Selenium without its driver download. One browser per test class.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser open(String baseUrl) {
        return open(baseUrl, true);
    }

    /** A browser; with {@code javascript} false, pages must work without any script. */
    public static Browser open(String baseUrl, boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROMIUM", "chromium", "chromium-browser").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-quic", "--window-size=1280,900", "--lang=en-GB");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("CHROMEDRIVER", "chromedriver").toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    private static Path executable(String variable, String... names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin");
        return Stream.of(path.split(File.pathSeparator)).flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("Browser tests need " + String.join(" or ", names)
                        + " on the PATH (Debian: apt-get install chromium chromium-driver; .ci/run does this) or $" + variable));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        // Console messages of earlier pages must not be blamed on this one.
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks something that loads a new page, and waits until the new page is there. */
    public Browser clickThrough(String css) {
        return clickThrough(find(css));
    }

    public Browser clickThrough(WebElement element) {
        WebElement page = find("html");
        element.click();
        waitFor(replaced(page));
        return this;
    }

    /**
     * Whether the document {@code page} belonged to is gone. Besides "stale element", Chromium
     * sometimes answers "node does not belong to the document" mid-navigation: that is gone too.
     */
    private static Function<WebDriver, Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        };
    }

    /** Types into a field and presses Enter to submit its form, waiting for the next page. */
    public Browser submitWithEnter(WebElement field, String text) {
        WebElement page = find("html");
        field.sendKeys(text, Keys.ENTER);
        waitFor(replaced(page));
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Logs in through the login form, as a person would. */
    public Browser logIn(String name, String password) {
        go("/login");
        find("#cw-username").sendKeys(name);
        find("#cw-password").sendKeys(password);
        return clickThrough(".login-form button[type=submit]");
    }

    public void forgetCookies() {
        driver.manage().deleteAllCookies();
    }

    /** axe-core's serious and critical violations on the current page (WCAG 2.1 A and AA rules). */
    public List<String> accessibilityProblems() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    /**
     * Messages the page logged to the console at warning level or above (CSP violations and
     * script errors land here), except the page's own status when it is deliberately an error page.
     */
    public List<String> consoleProblems() {
        String ownStatus = driver.getCurrentUrl() + " - Failed to load resource";
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.startsWith(ownStatus)).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
