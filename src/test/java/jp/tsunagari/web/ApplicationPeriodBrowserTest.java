package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import jp.tsunagari.system.JapanTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20 in a real browser, on its own database and today's date in Japan: staff give もりおかエール便 how to apply,
 * a contact and a 受付期間 open today (a period ending before it starts first, refused with everything kept); the
 * public page shows 受付中 with working links, the list's 受付中 facet finds it, and the checker says where a 申込日
 * falls. Each page is checked with axe and at phone width; the screenshots are the admin guide's.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:periods-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "CATALOGUE_ADMIN_PASSWORD=periods-admin-password"})
class ApplicationPeriodBrowserTest extends BrowserTest {

    private static final String MORIOKA = "/programs/7";

    private final LocalDate today = JapanTime.today(java.time.Clock.systemUTC());

    /** Scrolls the element to the top of the window, so that a screenshot shows it. */
    private void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    private void signIn() {
        open("/admin");
        type("username", "admin");
        type("password", "periods-admin-password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");
    }

    @Test
    void staffOpenAPeriodAndTheCatalogueShowsItAsOpen() {
        open(MORIOKA);
        assertThat(field("main").getText()).contains("受付期間は、まだ登録されていません。");

        signIn();
        open("/admin/programs/7/edit");
        type("application-method", "申込フォームから申し込む");
        type("application-applyUrl", "https://www.city.morioka.iwate.jp/yell");
        type("application-contactDepartment", "盛岡市 市長公室");
        type("application-contactPhone", "019-651-4111");
        press("add-period");
        type("periods-0-start", today.minusDays(10).toString());
        type("periods-0-end", today.minusDays(20).toString());
        press("publish");

        // Refused: the summary takes the focus, links to the field, and every value typed is still there.
        WebElement summary = browser.findElement(By.cssSelector(".tsn-error-summary"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(summary);
        assertThat(summary.getText()).contains("受付終了日は受付開始日と同じか、それより後にしてください。");
        assertThat(field("periods-0-end").getDomProperty("value")).isEqualTo(today.minusDays(20).toString());
        assertThat(field("application-method").getDomProperty("value")).isEqualTo("申込フォームから申し込む");
        assertThat(field("periods-0-end").getDomAttribute("aria-invalid")).isEqualTo("true");
        accessible("program form with a period error");
        summary.findElement(By.linkText("受付終了日は受付開始日と同じか、それより後にしてください。")).click();
        assertThat(browser.switchTo().activeElement()).isEqualTo(field("periods-0-end"));
        type("periods-0-end", today.plusDays(20).toString());
        scrollTo(browser.findElement(By.xpath("//legend[normalize-space()='申込み・問い合わせ']")));
        screenshot("admin-application");
        press("publish");
        assertThat(browser.findElement(By.cssSelector(".tsn-notice")).getText()).contains("公開しました");
        scrollTo(browser.findElement(By.xpath("//legend[normalize-space()='受付期間']")));
        screenshot("admin-periods");

        // The public page: 受付中 until the end day, the contact as links.
        open(MORIOKA);
        WebElement status = browser.findElement(By.cssSelector("[data-acceptance]"));
        assertThat(status.getDomAttribute("data-acceptance")).isEqualTo("now");
        String until = JapanTime.format(today.plusDays(20), Locale.JAPANESE);
        assertThat(field("main").getText()).contains("受付中 " + until + "まで").contains("申込フォームから申し込む");
        assertThat(browser.findElement(By.linkText("019-651-4111")).getDomAttribute("href")).isEqualTo("tel:019-651-4111");
        accessible("program page with a period open");
        scrollTo(browser.findElement(By.xpath("//h2[normalize-space()='受付期間と受付状況']")));
        screenshot("program-acceptance");
        Browser.phone();
        assertThat(Phone.scrollsHorizontally()).as("program page at 375 px").isFalse();
        Browser.desktop();

        // The list: the 受付中 facet counts it and finds it alone.
        open("/programs");
        WebElement now = browser.findElement(By.cssSelector("label[for=accepting-now]"));
        assertThat(now.getText()).contains("1件");
        now.click();
        clickAndWait(By.xpath("//button[normalize-space()='絞り込む']"));
        waitForUrl("accepting=now");
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("1件の施策");
        assertThat(browser.findElements(By.cssSelector(".tsn-card__title")).stream().map(WebElement::getText).toList())
                .containsExactly("もりおかエール便");
        assertThat(browser.findElement(By.cssSelector(".tsn-card .tsn-status")).getText()).contains("受付中");
        accessible("list filtered to 受付中");

        // The checker: a 申込日 after the period is outside it.
        String after = today.plusDays(30).toString();
        open("/eligibility?age=20&hometown=032018&residence=13&school=university&grade=2&familyHome=032018"
                + "&applicant=self&date=" + after);
        WebElement eligible = browser.findElement(By.cssSelector("section[data-verdict=eligible]"));
        assertThat(eligible.getText()).contains("もりおかエール便")
                .contains("申込日（" + JapanTime.format(today.plusDays(30), Locale.JAPANESE) + "）は受付期間外です。");
        assertThat(browser.findElement(By.cssSelector(".tsn-finder input[name=date]")).getDomProperty("value"))
                .as("the 申込日 rides along with the filters").isEqualTo(after);
        accessible("checker with a date after the period");
    }
}
