package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * /statistics in a real browser on the seed: reached from the home page, axe on desktop, at 375 px, in print media
 * and in English; at 375 px nothing scrolls sideways, every chart fits the screen and its text stays readable
 * (at least 9 CSS px after the view box is scaled); screenshots for the README.
 */
class StatisticsBrowserTest extends BrowserTest {

    /** The smallest drawn size of the charts' text, in CSS px. */
    private double smallestChartText() {
        return ((Number) browser.executeScript("return Math.min(...Array.from(document.querySelectorAll("
                + "'svg.tsn-chart__svg text')).map(t => t.getBoundingClientRect().height).filter(h => h > 0));"))
                .doubleValue();
    }

    @Test
    void theChartsFromTheHomePageOnDesktopPhoneAndPrint() {
        open("/");
        clickAndWait(By.cssSelector("main a[href='/statistics']"));
        waitForUrl("/statistics");
        assertThat(browser.findElements(By.cssSelector("main h2"))).extracting(WebElement::getText).containsExactly(
                "取組の種類・地方ごとの施策数", "都道府県ごとの施策数", "登録者数など（自治体の公表値）", "月ごとの新規公開と変更");
        List<WebElement> images = browser.findElements(By.cssSelector("main svg[role=img]"));
        assertThat(images).hasSizeGreaterThanOrEqualTo(4);
        accessible("statistics");
        screenshot("statistics");
        browser.executeScript("document.getElementById('reach-heading').scrollIntoView();");
        screenshot("statistics-reach");

        Browser.phone();
        try {
            browser.navigate().refresh();
            assertThat(Phone.scrollsHorizontally()).as("statistics scrolls sideways at 375 px").isFalse();
            assertThat(Phone.smallTargets()).as("statistics tap targets under 24 px").isEmpty();
            for (WebElement svg : browser.findElements(By.cssSelector("main svg[role=img]"))) {
                assertThat(svg.getRect().getWidth()).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
            }
            assertThat(smallestChartText()).as("chart text at 375 px").isGreaterThanOrEqualTo(9);
            accessible("statistics at 375 px");
            browser.executeScript("document.getElementById('category-region-heading').scrollIntoView();");
            screenshot("statistics-phone");
        } finally {
            Browser.desktop();
        }

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            browser.navigate().refresh();
            accessible("statistics in print");
            assertThat(Phone.scrollsHorizontally()).as("statistics in print media").isFalse();
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        open("/statistics?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The catalogue in charts");
        accessible("statistics in English");
    }
}
