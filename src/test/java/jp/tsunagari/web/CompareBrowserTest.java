package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The done-when journey of issue 32 item 1: three programs added to a comparison from a list, seen side by side, one
 * removed, the print stylesheet (print media emulated through the DevTools protocol) and the phone layout, with axe.
 */
class CompareBrowserTest extends BrowserTest {

    private List<String> columns() {
        return browser.findElements(By.cssSelector(".tsn-compare__table thead th[scope=col] > a[lang=ja]")).stream()
                .map(WebElement::getText).toList();
    }

    private String display(String selector) {
        return browser.findElement(By.cssSelector(selector)).getCssValue("display");
    }

    @Test
    void threeProgramsFromTheListSideBySideOneRemovedPrintedAndOnAPhone() {
        open("/programs?category=sns");
        for (String id : new String[] {"1", "3", "4"}) {
            clickAndWait(By.cssSelector("#card-" + id + " .tsn-card__compare a"));
            assertThat(browser.findElement(By.cssSelector("#card-" + id + " .tsn-card__compare a")).getText())
                    .startsWith("比較から外す");
        }
        assertThat(browser.findElement(By.cssSelector("input[name=category][value=sns]"))
                .isSelected()).as("the filters are kept").isTrue();
        WebElement go = browser.findElement(By.cssSelector(".tsn-compare-bar__go"));
        assertThat(go.getText()).isEqualTo("選択した施策を比較（3件）");
        clickAndWait(By.cssSelector(".tsn-compare-bar__go"));
        assertThat(browser.getCurrentUrl()).endsWith("/compare?id=1&id=3&id=4");
        assertThat(columns()).containsExactly("Jimoto TOCHIGI", "くまらバ", "もどかご！");
        assertThat(display(".tsn-compare__wide")).isEqualTo("block");
        assertThat(display(".tsn-compare__narrow")).isEqualTo("none");
        assertThat(browser.findElement(By.cssSelector("tr[data-fact=CATEGORY] th")).getText()).contains("同じ");
        accessible("compare (3 programs)");
        screenshot("compare-ja-desktop");

        clickAndWait(By.xpath("//thead//a[contains(@class,'tsn-compare__remove')][contains(., 'くまらバ')]"));
        assertThat(browser.getCurrentUrl()).endsWith("/compare?id=1&id=4");
        assertThat(columns()).containsExactly("Jimoto TOCHIGI", "もどかご！");

        printPreview();
        onAPhone();
    }

    private void printPreview() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(display(".tsn-header")).as("navigation in print").isEqualTo("none");
            assertThat(display(".tsn-breadcrumbs")).isEqualTo("none");
            assertThat(display(".tsn-compare__actions")).isEqualTo("none");
            assertThat(display(".tsn-compare__wide")).as("the table in print").isEqualTo("block");
            assertThat(display(".tsn-compare__narrow")).isEqualTo("none");
            assertThat(browser.findElement(By.cssSelector(".tsn-compare__table")).isDisplayed()).isTrue();
            Object pageRules = browser.executeScript("""
                    return [...document.styleSheets].flatMap(s => [...s.cssRules])
                      .filter(r => r instanceof CSSMediaRule && r.media.mediaText === 'print')
                      .flatMap(r => [...r.cssRules]).filter(r => r instanceof CSSPageRule)
                      .map(r => r.style.getPropertyValue('size')).join(';')""");
            assertThat(String.valueOf(pageRules).toLowerCase(java.util.Locale.ROOT)).as("@page size in the print rules")
                    .contains("a4").contains("landscape");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertThat(display(".tsn-header")).isNotEqualTo("none");
    }

    private void onAPhone() {
        Browser.phone();
        browser.navigate().refresh();
        assertThat(display(".tsn-compare__wide")).isEqualTo("none");
        assertThat(display(".tsn-compare__narrow")).isEqualTo("block");
        List<WebElement> sections = browser.findElements(By.cssSelector(".tsn-compare__program"));
        assertThat(sections).hasSize(2);
        List<String> tableOrder = browser.findElements(By.cssSelector(".tsn-compare__table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-fact")).toList();
        for (WebElement section : sections) {
            assertThat(section.findElements(By.cssSelector(".tsn-compare__row")).stream()
                    .map(r -> r.getDomAttribute("data-fact")).toList()).isEqualTo(tableOrder);
        }
        assertThat(Phone.scrollsHorizontally()).as("compare scrolls sideways at 375 px").isFalse();
        assertThat(Phone.smallTargets()).as("compare tap targets under 24 px").isEmpty();
        accessible("compare at 375 px");
        screenshot("compare-ja-phone");
        Browser.desktop();
    }
}
