package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import java.time.Duration;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What users do, in a real browser: browse, filter, get lost, and use only the keyboard. */
class JourneyBrowserTest extends BrowserTest {

    @Test
    void homeToCategoryToProgram() {
        open("/");
        assertThat(browser.getTitle()).isEqualTo("つながり施策カタログ");
        clickAndWait(By.partialLinkText("地元産品等の贈り物"));
        assertThat(browser.getCurrentUrl()).endsWith("/categories/gifts");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("地元産品等の贈り物");
        clickAndWait(By.linkText("もりおかエール便"));
        assertThat(browser.getTitle()).startsWith("もりおかエール便");
        assertThat(browser.findElement(By.id("main")).getText())
                .contains("盛岡三大麺 + 盛岡の特産品(名菓、せんべい汁など)")
                .contains("日本国内かつ岩手県外在住の申込み時点で15歳以上25歳以下の学生")
                .contains("15歳以上25歳以下");
        List<String> crumbs = browser.findElements(By.cssSelector(".tsn-breadcrumbs li")).stream().map(WebElement::getText).toList();
        assertThat(crumbs).containsExactly("ホーム", "地元産品等の贈り物", "もりおかエール便");
        screenshot("journey-program");
    }

    @Test
    void prefectureFilterCombinedWithCategory() {
        open("/programs");
        browser.findElement(By.cssSelector("label[for=category-co-creation]")).click();
        WebElement tohoku = browser.findElement(By.xpath("//details[summary[normalize-space()='東北']]"));
        tohoku.findElement(By.tagName("summary")).click();
        browser.findElement(By.cssSelector("label[for=pref-02]")).click();
        clickAndWait(By.xpath("//button[normalize-space()='絞り込む']"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("category="));
        assertThat(browser.getCurrentUrl()).contains("category=co-creation").contains("pref=02");
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("1件の施策");
        assertThat(browser.findElements(By.cssSelector(".tsn-card__title")).stream().map(WebElement::getText).toList())
                .containsExactly("五戸まちづくりワールドカフェ");
        assertThat(browser.findElement(By.id("pref-02")).isSelected()).isTrue();
        // Removing the category filter keeps the prefecture: 3 programs of 青森県.
        clickAndWait(By.partialLinkText("取組の種類: 地域との協働"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("category="));
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("3件の施策");
        assertThat(browser.getCurrentUrl()).contains("pref=02").doesNotContain("category=");
        screenshot("journey-filtered");
    }

    @Test
    void aStudentFindsTheProgramsTheyCanUse() {
        open("/");
        clickAndWait(By.linkText("あなたが使える施策"));
        browser.findElement(By.id("age")).sendKeys("22");
        browser.findElement(By.id("hometown")).sendKeys("盛岡市");
        browser.findElement(By.id("residence")).sendKeys("東京都");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("school"))).selectByValue("university");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("grade"))).selectByValue("4");
        browser.findElement(By.id("familyHome")).sendKeys("032018");
        browser.findElement(By.cssSelector("label[for=applicant-self]")).click();
        clickAndWait(By.xpath("//button[normalize-space()='使える施策を調べる']"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("age=22"));
        // The result leads: the answers in short, the counts, then 該当 and 要確認; 非該当 only as a count and a link.
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("あなたが使える施策の結果");
        WebElement eligible = browser.findElement(By.cssSelector("section[data-verdict=eligible]"));
        assertThat(eligible.getText()).contains("該当（1件）").contains("もりおかエール便")
                .contains("東京都在住のため該当");
        WebElement notEligible = browser.findElement(By.cssSelector("section[data-verdict=notEligible]"));
        assertThat(notEligible.getText()).doesNotContain("Jimoto TOCHIGI");
        assertThat(Axe.violations("eligibility results after a journey")).isEmpty();
        notEligible.findElement(By.partialLinkText("非該当の施策を見る")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("verdict=not-eligible"));
        assertThat(browser.findElement(By.cssSelector("section[data-verdict=notEligible]")).getText())
                .contains("Jimoto TOCHIGI").contains("盛岡市出身のため対象外");
        // Narrow to one category with the filter form (the answers ride along).
        clickAndWait(By.partialLinkText("該当と要確認の一覧に戻る"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("verdict="));
        browser.findElement(By.cssSelector("label[for=category-gifts]")).click();
        clickAndWait(By.xpath("//button[normalize-space()='絞り込む']"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("category=gifts"));
        assertThat(browser.findElement(By.cssSelector("section[data-verdict=eligible]")).getText()).contains("もりおかエール便");
        assertThat(browser.findElement(By.cssSelector("section[data-verdict=check]")).getText()).doesNotContain("ネオ県人会");
        // 「条件を変更」 returns to the questions with every answer kept.
        clickAndWait(By.linkText("条件を変更"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("edit=true"));
        assertThat(browser.findElement(By.id("hometown")).getDomProperty("value")).isEqualTo("盛岡市");
        assertThat(browser.findElement(By.id("age")).getDomProperty("value")).isEqualTo("22");
        screenshot("journey-eligibility");
    }

    @Test
    void unknownProgramShowsTheNotFoundPage() {
        open("/programs/4040");
        assertThat(browser.getTitle()).startsWith("ページが見つかりません");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ページが見つかりません");
        clickAndWait(By.linkText("施策一覧へ"));
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("15件の施策");
    }

    @Test
    void keyboardOnlyThroughTheFilterForm() {
        open("/programs");
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("本文へ移動");
        assertThat(skip.getCssValue("left")).isEqualTo("0px");
        keys.sendKeys(Keys.ENTER).perform();
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 40 && !"category-gifts".equals(browser.switchTo().activeElement().getDomAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            visited.add(focused.getTagName() + "#" + focused.getDomAttribute("id"));
        }
        assertThat(visited).as("focus order after the skip link")
                .startsWith("input#filter-q", "button#null", "input#category-sns", "input#category-gifts");
        keys.sendKeys(Keys.SPACE).perform();
        assertThat(browser.findElement(By.id("category-gifts")).isSelected()).isTrue();
        for (int i = 0; i < 80 && !"絞り込む".equals(browser.switchTo().activeElement().getText()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        WebElement button = browser.switchTo().activeElement();
        assertThat(button.getText()).isEqualTo("絞り込む");
        assertThat(button.getCssValue("outline-style")).isNotEqualTo("none");
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("category=gifts"));
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("4件の施策");
    }

    @Test
    void anAnalystReadsTheApiDescriptionInSwaggerUiUnderTheContentSecurityPolicy() {
        open("/swagger-ui/index.html");
        // Swagger UI renders the operations from /v3/api-docs with its own scripts and styles (no inline ones).
        WebElement operation = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock-summary-path")));
        assertThat(operation.getText()).startsWith("/api/v1/");
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .info")).getText()).isNotBlank();
        assertThat(Browser.contentSecurityPolicyViolations()).isEmpty();
    }
}
