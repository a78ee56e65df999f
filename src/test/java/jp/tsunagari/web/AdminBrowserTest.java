package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tsunagari.catalogue.ProgramEditor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A staff member's sitting, in a real browser: sign in, create a program with two target groups from a blank form
 * (through a validation error), publish it, see it public, edit it, meet a conflict, compare and restore revisions.
 * Every admin page type is checked with axe on the way. Runs on its own database.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:admin-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "CATALOGUE_ADMIN_PASSWORD=browser-admin-password"})
class AdminBrowserTest extends BrowserTest {

    @Autowired
    ProgramEditor editor;

    private void signIn() {
        open("/admin");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        accessible("login");
        type("username", "admin");
        type("password", "not the password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/login?error");
        assertThat(browser.findElement(By.cssSelector(".tsn-error-summary")).getText()).contains("正しくありません");
        assertThat(field("username").getDomProperty("value")).isEqualTo("admin");
        accessible("login with error");
        screenshot("admin-login-error");
        type("password", "browser-admin-password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");
        assertThat(browser.getCurrentUrl()).matches(".*/admin(\\?continue)?");
    }

    @Test
    void aStaffMembersSitting() throws java.io.IOException {
        signIn();
        accessible("admin list");
        screenshot("admin-list");

        clickAndWait(By.linkText("施策を新規作成"));
        accessible("blank program form");
        type("name", "ブラウザ村エール便");
        type("nameKana", "ブラウザムラ");
        new Select(field("category")).selectByValue("gifts");
        type("municipality", "032018");
        new Select(field("channel")).selectByValue("DELIVERY");
        type("summary", "ブラウザから登録した施策");
        type("sections-0-heading", "【概要】");
        type("sections-0-items", "特産品を送付\n✓ 年1回");
        type("eligibilityText", "県外の学生\n保護者");
        press("add-group");
        type("groups-0-label", "県外の学生");
        press("add-criterion-0");
        new Select(field("groups-0-criteria-0-type")).selectByValue("AGE");
        type("groups-0-criteria-0-sourceText", "18歳以上22歳以下");
        type("groups-0-criteria-0-minAge", "18");
        type("groups-0-criteria-0-maxAge", "22");
        press("add-group");
        type("groups-1-label", "保護者");
        press("add-criterion-1");
        new Select(field("groups-1-criteria-0-type")).selectByValue("APPLICANT");
        type("groups-1-criteria-0-sourceText", "保護者");
        browser.findElement(By.cssSelector("label[for='groups-1-criteria-0-applicants-guardian']")).click();
        press("publish");

        // Katakana in the reading is refused; everything typed is still there.
        assertThat(browser.getTitle()).startsWith("エラー: ");
        WebElement summary = browser.findElement(By.cssSelector(".tsn-error-summary"));
        assertThat(summary.getText()).contains("ひらがな");
        assertThat(browser.switchTo().activeElement()).isEqualTo(summary);
        assertThat(field("groups-1-criteria-0-sourceText").getDomProperty("value")).isEqualTo("保護者");
        accessible("program form with errors");
        screenshot("admin-form-error");
        summary.findElement(By.linkText("よみはひらがなで入力してください。")).click();
        type("nameKana", "ぶらうざむらえーるびん");
        press("publish");

        assertThat(browser.findElement(By.cssSelector(".tsn-notice")).getText()).contains("公開しました");
        accessible("program edit form");
        screenshot("admin-edit");
        String editUrl = browser.getCurrentUrl();
        String id = editUrl.replaceAll(".*/admin/programs/(\\d+)/edit", "$1");

        open("/programs/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ブラウザ村エール便");
        assertThat(browser.findElement(By.id("main")).getText()).contains("グループ2: 保護者").contains("18歳以上22歳以下");

        // Edit and publish a new name.
        browser.get(editUrl);
        type("name", "ブラウザ村エール便（改）");
        press("publish");
        open("/programs/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ブラウザ村エール便（改）");

        // A colleague saves while this form is open: the save shows the conflict page, input kept.
        browser.get(editUrl);
        type("summary", "私の要約");
        ProgramEditor.Editable current = editor.editable(Long.parseLong(id)).orElseThrow();
        editor.save(current.id(), current.version(), current.content().renamed("同僚が変えた名前"), true, "colleague");
        press("publish");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("編集の競合");
        assertThat(browser.findElement(By.id("main")).getText()).contains("同僚が変えた名前").contains("colleague");
        assertThat(field("summary").getDomProperty("value")).isEqualTo("私の要約");
        accessible("conflict page");
        screenshot("admin-conflict");

        // History: compare, then restore the first revision.
        browser.get(editUrl);
        clickAndWait(By.linkText("履歴"));
        accessible("history");
        screenshot("admin-history");
        clickAndWait(By.cssSelector("main form button[type=submit]"));
        // Wait for the diff page itself: on a busy machine the history page's h1 may still be there.
        waitForUrl("/history/diff");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("比較");
        accessible("revision diff");
        browser.navigate().back();
        clickAndWait(By.xpath("//button[normalize-space()='版1の内容に戻す']"));
        assertThat(browser.findElement(By.cssSelector(".tsn-notice")).getText()).contains("版1");
        open("/programs/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ブラウザ村エール便");

        // The other admin pages.
        for (String[] page : new String[][] {{"/admin/programs/" + id + "/preview", "preview"},
                {"/admin/programs/" + id + "/delete", "delete confirmation"}, {"/admin/users", "users"},
                {"/admin/users/1", "user"}, {"/admin/categories", "categories"}, {"/admin/categories/gifts", "category"},
                {"/admin/places?q=もりおか", "places"}, {"/admin/places/032018", "place"}, {"/admin/import", "import"}}) {
            open(page[0]);
            accessible(page[1]);
        }

        // Bulk import: a CSV with a bad month is refused in the dry run, naming the row, column letter and header.
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("import", ".csv");
        java.nio.file.Files.writeString(csv, "施策名,区分,開始年月\r\n取込ブラウザ試験,sns,2025年4月\r\n");
        open("/admin/import");
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        clickAndWait(By.xpath("//button[normalize-space()='内容を確認する（まだ取り込みません）']"));
        assertThat(browser.findElement(By.cssSelector(".tsn-error-summary")).getText())
                .contains("2行目・C列「開始年月」");
        accessible("import problems");
        Browser.phone();
        browser.get(editUrl);
        assertThat(Phone.scrollsHorizontally()).as("edit form at 375 px").isFalse();
        assertThat(Phone.smallTargets()).as("edit form tap targets").isEmpty();
    }
}
