package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * Every page type in a real browser, in Japanese and English: no serious or critical WCAG 2.1 A/AA violation
 * (axe-core), no horizontal scrolling and no tap target under 24×24 px at 375 px, screenshots for both widths.
 */
class PageTypesBrowserTest extends BrowserTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "home, /",
            "category, /categories/gifts",
            "prefectures, /prefectures",
            "statistics, /statistics",
            "programs-filtered, /programs?category=gifts&region=tohoku&sort=kana",
            "programs-empty, /programs?pref=13",
            "programs-error, /programs?pref=99&page=x",
            "program-detail, /programs/7",
            "program-examples, /programs/13",
            "program-groups, /programs/2",
            "program-history, /programs/7/history",
            "not-found, /programs/999",
            "search-results, /programs?q=エール便&audience=student",
            "eligibility-form, /eligibility",
            "eligibility-results, /eligibility?age=22&hometown=032018&residence=13&school=university&grade=4&familyHome=032018&applicant=self",
            "eligibility-error, /eligibility?age=abc&grade=9&school=high",
            "eligibility-not-eligible, /eligibility?age=22&hometown=032018&residence=13&verdict=not-eligible&category=gifts&category=sns",
            "eligibility-change, /eligibility?age=22&hometown=032018&residence=13&edit=true",
            "compare, /compare?id=1&id=7&id=13",
            "compare-one, /compare?id=x&id=3",
            "programs-compare-selection, /programs?category=sns&compare=1&compare=3",
    })
    void pageTypeIsAccessibleOnDesktopAndPhone(String name, String path) {
        for (String lang : new String[] {"ja", "en"}) {
            String page = name + " (" + lang + ")";
            open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
            assertThat(browser.findElements(By.tagName("h1"))).as(page).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("a.tsn-skip-link")).getDomAttribute("href")).isEqualTo("#main");
            assertThat(Axe.violations(page)).as("axe on " + page).isEmpty();
            screenshot(name + "-" + lang + "-desktop");

            Browser.phone();
            browser.navigate().refresh();
            assertThat(Phone.scrollsHorizontally()).as(page + " scrolls sideways at 375 px").isFalse();
            assertThat(Phone.smallTargets()).as(page + " tap targets under 24 px").isEmpty();
            assertThat(Axe.violations(page + " at 375 px")).isEmpty();
            screenshot(name + "-" + lang + "-phone");
            Browser.desktop();
        }
    }

    @Test
    void theLanguageChoiceIsRemembered() {
        open("/?lang=en");
        clickAndWait(By.linkText("All programs"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("All programs");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        clickAndWait(By.cssSelector("a.tsn-header__lang"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("施策一覧");
    }

    @Test
    void theCheckersFailADeliberatelyBrokenPage() {
        Path fixture = Path.of("target/test-classes/fixtures/broken.html").toAbsolutePath();
        browser.get(fixture.toUri().toString());
        assertThat(String.join("\n", Axe.violations("broken fixture")))
                .contains("image-alt (critical)").contains("label (critical)").contains("color-contrast (serious)")
                .contains("list (serious)");
        Browser.phone();
        assertThat(Phone.smallTargets()).isNotEmpty();
    }

    @Test
    void theContentSecurityPolicyBlocksInjectedInlineScriptStyleAndHandlersAndTheCheckSeesIt() {
        open("/programs/1");
        browser.executeScript("var s = document.createElement('script'); s.textContent = 'window.__ran = 1;';"
                + "document.body.appendChild(s);"
                + "var d = document.createElement('div'); d.innerHTML = '<img src=x onerror=\"window.__ran = 2\">';"
                + "document.body.appendChild(d);"
                + "var st = document.createElement('style'); st.textContent = 'body { color: red; }';"
                + "document.head.appendChild(st);");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
                .until(d -> Browser.contentSecurityPolicyViolations().size() >= 3);
        assertThat(browser.executeScript("return window.__ran === undefined;")).isEqualTo(true);
        assertThat(String.join("\n", Browser.contentSecurityPolicyViolations()))
                .contains("script-src").contains("style-src");
        browser.executeScript("window.__cspViolations = [];");
    }
}
