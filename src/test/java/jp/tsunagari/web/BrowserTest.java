package jp.tsunagari.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the real-browser tests: the whole app on a random port, one shared headless Chromium. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    protected ChromeDriver browser;

    @BeforeEach
    void desktopBrowser() {
        browser = Browser.driver();
        // Nothing left over from the test before: no page (with its CSP record) and no cookie of any site
        // (WebDriver's deleteAllCookies only reaches the current page's site).
        browser.get("about:blank");
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        Browser.desktop();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        assertNoContentSecurityPolicyViolations(); // what the page before this one blocked
        browser.get(url(path));
        assertNoContentSecurityPolicyViolations();
    }

    /**
     * Waits (up to 15 s) until the browser is at a URL containing the text: a click on a submit button returns before
     * the next page has arrived, and on a busy machine the old page is still there for a moment.
     */
    protected void waitForUrl(String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains(part));
    }

    /** The pages need nothing their Content-Security-Policy forbids (no inline script, style or handler). */
    @AfterEach
    void assertNoContentSecurityPolicyViolations() {
        org.assertj.core.api.Assertions.assertThat(Browser.contentSecurityPolicyViolations())
                .as("Content-Security-Policy violations on " + browser.getCurrentUrl()).isEmpty();
    }

    /** No axe violations on the page as it is now ({@code page} names it in the message). */
    protected void accessible(String page) {
        org.assertj.core.api.Assertions.assertThat(Axe.violations(page)).as("axe on " + page).isEmpty();
    }

    protected org.openqa.selenium.WebElement field(String id) {
        return browser.findElement(org.openqa.selenium.By.id(id));
    }

    /** Replaces the text of the field with id {@code id}. */
    protected void type(String id, String text) {
        org.openqa.selenium.WebElement input = field(id);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Presses the form's submit button {@code name=action value=action} and waits (up to 15 s) until the page it was
     * on has been replaced by the answer: on a busy machine the old page is still there for a moment after the click.
     */
    protected void press(String action) {
        clickAndWait(org.openqa.selenium.By.cssSelector("button[name=action][value='" + action + "']"));
    }

    /** Clicks the button or link found by {@code target}; waits (up to 15 s) until the next page has replaced this one. */
    protected void clickAndWait(org.openqa.selenium.By target) {
        andWait(() -> browser.findElement(target).click());
    }

    /** Does {@code action} (a click, a key) and waits (up to 15 s) until the next page has replaced this one. */
    protected void andWait(Runnable action) {
        browser.executeScript("window.tsnOldPage = true");
        action.run();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "return window.tsnOldPage === undefined && document.readyState === 'complete'")));
    }

    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
