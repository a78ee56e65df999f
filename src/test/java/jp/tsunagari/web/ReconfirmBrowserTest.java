package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The re-confirmation cycle in a real browser, on its own database: the seeded programs are as of 2025-03-04, so on
 * any day after 2026-06-04 they are 要再確認 and the public pages say since when they have not been confirmed. The
 * admin home lists them, the list filters them, the edit page's 「変更なしで確認」 works from the keyboard, and then
 * the public notice is gone. Every page with axe, at desktop width and at 375 px.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:reconfirm-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "CATALOGUE_ADMIN_PASSWORD=reconfirm-admin-password"})
class ReconfirmBrowserTest extends BrowserTest {

    @Test
    void aProgramDueForReconfirmationIsConfirmedUnchanged() {
        open("/programs/7");
        WebElement notice = browser.findElement(By.cssSelector("p.tsn-unconfirmed"));
        assertThat(notice.getText()).isEqualTo("この情報は2025年3月以降確認されていません。内容が変わっている場合があります。");
        accessible("program page with the notice");
        open("/programs?q=もりおかエール便");
        assertThat(browser.findElement(By.cssSelector(".tsn-card .tsn-unconfirmed")).getText())
                .contains("この情報は2025年3月以降確認されていません");
        accessible("card with the notice");

        open("/admin");
        type("username", "admin");
        type("password", "reconfirm-admin-password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");
        WebElement due = browser.findElement(By.cssSelector("section[aria-labelledby=due-title]"));
        assertThat(due.getText()).contains("確認が必要な施策 15件").contains("2025年3月4日から確認されていません");
        accessible("admin home with programs due");
        Browser.phone();
        accessible("admin home with programs due, 375 px");
        Browser.desktop();

        clickAndWait(By.linkText("確認が必要な施策をすべて見る（15件）"));
        assertThat(browser.findElement(By.id("main")).getText()).contains("15件の施策");
        accessible("programs due");
        clickAndWait(By.linkText("もりおかエール便"));
        WebElement panel = browser.findElement(By.id("reconfirm"));
        assertThat(panel.getText()).contains("最終確認日: まだ確認されていません（内容は2025年3月4日時点のものです）")
                .contains("15か月以上確認されていません");
        accessible("edit page with 変更なしで確認");
        screenshot("admin-reconfirm");
        Browser.phone();
        accessible("edit page with 変更なしで確認, 375 px");
        Browser.desktop();

        // From the keyboard: the button takes the focus and Enter presses it.
        WebElement button = panel.findElement(By.xpath(".//button[normalize-space()='変更なしで確認']"));
        andWait(() -> button.sendKeys(Keys.ENTER));
        assertThat(browser.findElement(By.cssSelector(".tsn-notice")).getText()).startsWith("変更なしで確認しました。");
        assertThat(browser.findElement(By.id("reconfirm")).getText()).doesNotContain("確認されていません");
        accessible("edit page after the confirmation");

        open("/programs/7");
        assertThat(browser.findElements(By.cssSelector("p.tsn-unconfirmed"))).isEmpty();
        assertThat(browser.findElement(By.id("main")).getText()).contains("最終確認日");
        open("/admin/programs/7/history");
        assertThat(browser.findElement(By.id("review-thread-title")).getText()).isEqualTo("審査と確認の記録");
        assertThat(browser.findElement(By.cssSelector(".tsn-comment-list")).getText()).contains("変更なしで確認");
        accessible("history with the confirmation");
    }
}
