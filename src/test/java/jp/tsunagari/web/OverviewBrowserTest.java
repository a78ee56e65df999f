package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The office's overview in a real browser, on a synthetic catalogue of 1,000 programs (its own database): reached from
 * the admin list, checked with axe on desktop, at 375 px and in English; every table region, tile and CSV link
 * reached with the Tab key, a tile opened with Enter. Screenshots for the admin guide.
 */
@ActiveProfiles("synthetic")
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:overview-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=1000",
        "CATALOGUE_ADMIN_PASSWORD=overview-admin-password"})
class OverviewBrowserTest extends BrowserTest {

    static final List<String> CSV = List.of("coverage", "regions", "municipalities", "freshness", "attention",
            "reviews", "searches", "checker");

    private void signIn() {
        open("/admin");
        type("username", "admin");
        type("password", "overview-admin-password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");
    }

    @Test
    void theOfficesOverview() {
        signIn();
        clickAndWait(By.partialLinkText("カタログの概要"));
        waitForUrl("/admin/overview");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("カタログの概要");
        assertThat(browser.findElements(By.cssSelector("main h2"))).extracting(WebElement::getText)
                .containsExactly("都道府県・取組の種類ごとの施策数", "施策のない市区町村（地方別）", "情報の確認状況",
                        "見つからなかったもの");
        assertThat(browser.findElements(By.cssSelector("main table caption"))).hasSize(7);
        accessible("overview");
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        screenshot("admin-overview");
        browser.executeScript("document.querySelector('.tsn-heat-legend').scrollIntoView();");
        screenshot("admin-overview-coverage");
        browser.executeScript("document.getElementById('freshness').scrollIntoView();");
        screenshot("admin-overview-freshness");

        Browser.phone();
        try {
            assertThat(Phone.scrollsHorizontally()).as("overview scrolls sideways at 375 px").isFalse();
            assertThat(Phone.smallTargets()).as("overview tap targets under 24 px").isEmpty();
            accessible("overview at 375 px");
            browser.executeScript("window.scrollTo(0, 0);");
            screenshot("admin-overview-phone");
        } finally {
            Browser.desktop();
        }

        open("/admin/overview?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Catalogue overview");
        accessible("overview in English");
    }

    @Test
    void everyTableTileAndCsvLinkIsReachedByKeyboard() {
        signIn();
        open("/admin/overview");
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("本文へ移動");
        keys.sendKeys(Keys.ENTER).perform();
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            String href = focused.getDomAttribute("href");
            String what = "div".equals(focused.getTagName()) ? "region:" + focused.getDomAttribute("aria-labelledby")
                    : focused.getTagName() + ":" + href;
            if (!visited.isEmpty() && visited.get(0).equals(what) || "footer".equals(ancestor(focused))) {
                break;
            }
            visited.add(what);
            if (href != null && href.endsWith(".csv") || what.startsWith("region:")) {
                assertThat(focused.getCssValue("outline-style")).as("focus shown on " + what).isNotEqualTo("none");
            }
        }
        assertThat(visited).as("the tables' regions").contains("region:coverage-caption", "region:gaps-caption",
                "region:bands-caption", "region:lists-caption", "region:reviews-caption", "region:searches-caption",
                "region:checker-caption");
        for (String table : CSV) {
            assertThat(visited).as(table + ".csv").contains("a:/admin/overview/" + table + ".csv");
        }
        assertThat(visited).as("the staff list's filters").contains("a:/admin?status=DUE&sort=ASSURED",
                "a:/admin?status=OVERDUE&sort=ASSURED");
        assertThat(visited.stream().filter(v -> v.startsWith("a:/admin?pref=")).count()).as("tiles").isGreaterThan(20);
        assertThat(visited.indexOf("a:/admin?pref=01&status=PUBLISHED")).as("the map before the table")
                .isLessThan(visited.indexOf("region:coverage-caption"));

        // A tile opens the staff list of the prefecture's published programs.
        WebElement tile = browser.findElement(By.cssSelector("a.tsn-map__link[href='/admin?pref=03&status=PUBLISHED']"));
        browser.executeScript("arguments[0].focus();", tile);
        andWait(() -> keys.sendKeys(Keys.ENTER).perform());
        waitForUrl("pref=03");
        assertThat(browser.findElement(By.id("filter-pref")).getDomProperty("value")).isEqualTo("03");
    }

    /** The landmark an element is in (footer, main, …), for stopping at the end of the page. */
    private String ancestor(WebElement element) {
        Object name = browser.executeScript("const l = arguments[0].closest('footer, main, header, nav');"
                + " return l ? l.tagName.toLowerCase() : '';", element);
        return String.valueOf(name);
    }
}
