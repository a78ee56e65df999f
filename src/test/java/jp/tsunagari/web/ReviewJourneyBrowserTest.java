package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19's journey in a real browser, with a real SMTP server (GreenMail): the administrator invites 盛岡市's
 * editor, who sets a password from the mail's link, changes もりおかエール便 and submits it; the public page does not
 * change; the office returns it with a comment (mailed to the editor), the editor fixes and resubmits, the office
 * approves: the public page, search, API and CSV show the change with 最終確認日. Runs on its own database.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:review-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "CATALOGUE_ADMIN_PASSWORD=review-admin-password", "catalogue.search.refresh-ms=500"})
class ReviewJourneyBrowserTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.pointAt(smtp, registry);
    }

    static final String EMAIL = "morioka-tanto@example.lg.jp";
    static final String PASSWORD = "morioka journey pass";

    private void click(String css) {
        clickAndWait(By.cssSelector(css));
    }

    /**
     * Waits (up to 15 s) for the next page's notice saying {@code expected}: right after a click the old page, with
     * its own notice, may still be there, and its elements go stale when the new page arrives.
     */
    private void notice(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".tsn-notice")).stream()
                        .anyMatch(n -> n.getText().contains(expected)));
    }

    private void signIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        click("main button[type=submit]");
        waitForUrl("/admin");
    }

    private void signOut() {
        click(".tsn-staffbar__form button");
        waitForUrl("/login?signedOut");
    }

    /** The newest mail to {@code to} whose subject contains {@code subject}, waiting up to 15 s for it. */
    private MimeMessage mail(String to, String subject) throws Exception {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().contains(subject) && m.getAllRecipients()[0].toString().equals(to)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + to + " about " + subject);
    }

    private String fetch(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void editName(String name) {
        open("/admin/programs/7/edit");
        type("name", name);
        click(".tsn-button-group button[name=action][value=draft]");
        notice("保存しました");
    }

    private void submit(String comment) {
        type("submit-comment", comment);
        click("form[action$='/submit'] button");
        notice("審査を依頼しました");
    }

    @Test
    void invitedEditorSubmitsOfficeReturnsThenApproves() throws Exception {
        signIn("admin", "review-admin-password");
        open("/admin/users");
        type("username", "morioka-tanto");
        type("displayName", "盛岡市担当");
        type("email", EMAIL);
        browser.findElement(By.cssSelector("label[for='role-ORG_EDITOR']")).click();
        type("organization", "盛岡市");
        accessible("invitation form");
        click("form[action$='/admin/users'] button[type=submit]");
        notice(EMAIL + " に招待のメールを送信しました");
        screenshot("admin-invited");
        signOut();

        MimeMessage invitation = mail(EMAIL, "招待");
        Matcher link = Pattern.compile("http://[^\\s]+/invitations/[A-Za-z0-9_-]{43}")
                .matcher(invitation.getContent().toString());
        assertThat(link.find()).isTrue();
        browser.get(link.group().replaceFirst("http://[^/]+", url("")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("パスワードの設定");
        accessible("invitation page");
        screenshot("invitation");
        type("password", PASSWORD);
        type("passwordConfirm", PASSWORD);
        click("main button[type=submit]");
        waitForUrl("/login?passwordSet");

        signIn("morioka-tanto", PASSWORD);
        String list = browser.findElement(By.tagName("main")).getText();
        assertThat(list).contains("もりおかエール便").doesNotContain("ふるさと南部からのエール便").contains("審査待ち 0件");
        accessible("organization editor's list");
        screenshot("org-list");
        editName("もりおかエール便（令和8年度版）");
        submit("令和8年度の内容に更新しました。");
        accessible("edit page in review");
        screenshot("org-submitted");
        assertThat(fetch("/programs/7")).doesNotContain("令和8年度版");
        signOut();

        signIn("admin", "review-admin-password");
        clickAndWait(By.partialLinkText("審査待ち 1件"));
        accessible("review queue");
        screenshot("review-queue");
        clickAndWait(By.linkText("もりおかエール便"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("もりおかエール便（令和8年度版）")
                .contains("令和8年度の内容に更新しました。").contains("盛岡市")
                .as("only the name changed: the browser's CR LF line breaks are not a change").contains("違いのある項目（1件）");
        accessible("review page");
        screenshot("review-page");
        type("comment", "対象年齢の記載も最新の要綱に合わせてください。");
        click("button[formaction$='/return']");
        notice("差し戻しました");
        signOut();

        MimeMessage returned = mail(EMAIL, "差し戻し");
        assertThat(returned.getContent().toString()).contains("対象年齢の記載も最新の要綱に合わせてください。");

        signIn("morioka-tanto", PASSWORD);
        open("/admin/programs/7/edit");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("差し戻し")
                .contains("対象年齢の記載も最新の要綱に合わせてください。");
        screenshot("org-returned");
        editName("もりおかエール便（令和8年度版・確認済み）");
        submit("年齢の記載を確認しました。");
        signOut();

        signIn("admin", "review-admin-password");
        open("/admin/reviews/7");
        click("form[action$='/approve'] button:not([formaction])");
        notice("承認して公開しました");
        signOut();
        assertThat(mail(EMAIL, "承認").getContent().toString()).contains("もりおかエール便（令和8年度版・確認済み）");

        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        open("/programs/7");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("もりおかエール便（令和8年度版・確認済み）");
        assertThat(browser.findElement(By.cssSelector("time[datetime='" + today + "']")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("最終確認日").contains("情報の管理");
        accessible("confirmed program page");
        screenshot("program-confirmed");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            d.get(url("/programs?q=" + java.net.URLEncoder.encode("令和8年度版", java.nio.charset.StandardCharsets.UTF_8)));
            return d.findElement(By.tagName("main")).getText().contains("もりおかエール便（令和8年度版・確認済み）");
        });
        assertThat(fetch("/api/v1/programs/7")).contains("もりおかエール便（令和8年度版・確認済み）")
                .contains("\"confirmedOn\":\"" + today + "\"");
        assertThat(fetch("/programs.csv")).contains("もりおかエール便（令和8年度版・確認済み）").contains(today);
    }
}
