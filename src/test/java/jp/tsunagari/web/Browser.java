package jp.tsunagari.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium for the whole browser suite, driven by Debian's chromedriver: nothing is downloaded
 * at run time (Selenium Manager is bypassed by giving both paths). Viewports are set through the DevTools protocol,
 * so a 375 px phone is really 375 CSS px wide.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;
    public static final int PHONE_WIDTH = 375;
    public static final int PHONE_HEIGHT = 812;

    private static ChromeDriver driver;

    private Browser() {
    }

    public static synchronized ChromeDriver driver() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return driver;
    }

    private static ChromeDriver start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser suite needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver fonts-noto-cjk)");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=ja-JP",
                    "--user-data-dir=" + Files.createTempDirectory("tsn-chromium").toAbsolutePath(),
                    "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30))
                    // A click on a submit button returns before the next page is there on a busy machine: look for
                    // an element for up to 10 s before failing (tests only look for elements that should exist).
                    .implicitlyWait(Duration.ofSeconds(10));
            // Every page records what its Content-Security-Policy blocked (BrowserTest fails on any of it).
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                    "window.__cspViolations = [];"
                    + "document.addEventListener('securitypolicyviolation', function (e) {"
                    + "  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')"
                    + "    + ' at ' + (e.sourceFile || location.href) + ':' + e.lineNumber);"
                    + "});"));
            return chrome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the current page's Content-Security-Policy blocked (empty when nothing was). */
    @SuppressWarnings("unchecked")
    public static java.util.List<String> contentSecurityPolicyViolations() {
        Object found = driver().executeScript("return window.__cspViolations || [];");
        return found instanceof java.util.List<?> list ? (java.util.List<String>) list : java.util.List.of();
    }

    /** Emulates a viewport of the given CSS size (mobile = touch phone layout). */
    public static void viewport(int width, int height, boolean mobile) {
        driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    public static void desktop() {
        viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    public static void phone() {
        viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
    }
}
