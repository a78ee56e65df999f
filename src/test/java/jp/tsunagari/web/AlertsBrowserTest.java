package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.TestSmtp;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.system.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 28's e-mail alerts in a real browser, with a real SMTP server (GreenMail) and a hand-set clock: subscribe
 * from a filtered list and from the checker's results, confirm from the mail's link, staff publish a matching and a
 * non-matching program, one digest with exactly the matching program (the checker's with its verdict and reasons),
 * nothing more in the same period or the next, and the RFC 8058 one-click unsubscribe removing the address. Every
 * alert page (also the form with errors, the gone page, /privacy and the office's counts) passes axe on desktop and
 * at 375 px; the error summary's links focus their fields; the form works with JavaScript off; the English form
 * has no Japanese-only text. The digest job does not run by itself in tests: it is called as the scheduler would.
 * Runs on its own database; the programs it publishes are deleted again.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:alerts-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "CATALOGUE_ADMIN_PASSWORD=alerts-admin-password", "catalogue.alerts.settle=PT0S"})
@Import(AlertsBrowserTest.Clocks.class)
class AlertsBrowserTest extends BrowserTest {

    /** 2027-01-10 10:00 JST (a Sunday): before the daily digest time (18:00). */
    static final Instant START = Instant.parse("2027-01-10T01:00:00Z");
    static final TestClock CLOCK = new TestClock(START);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock alertsBrowserClock() {
            return CLOCK;
        }
    }

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.pointAt(smtp, registry);
    }

    static final Pattern CONFIRM = Pattern.compile("http://[^\\s\"<]+/alerts/confirm/[A-Za-z0-9_-]{43}");
    static final Pattern PROGRAM_IN_MAIL = Pattern.compile("data-program=\"(\\d+)\"");
    static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]+");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgramEditor editor;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationContext context;

    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void clean() throws Exception {
        TestSmtp.forgetAlerts(smtp, jdbc);
        CLOCK.set(START);
    }

    /** The programs published here go again, with their history. */
    @AfterEach
    void deleteCreated() {
        for (long id : created) {
            transactions.executeWithoutResult(t -> editor.delete(id, editor.editable(id).orElseThrow().version(),
                    "alerts-browser-test"));
            jdbc.update("delete from program_revision where program_id = ?", id);
        }
        created.clear();
    }

    @Test
    void subscribeFromAListConfirmGetOneDigestAndUnsubscribeWithOneClick() throws Exception {
        open("/programs?category=gifts&pref=03");
        clickAndWait(By.linkText("この条件の新着をメールで受け取る"));
        heading("新着のお知らせをメールで受け取る");
        assertThat(conditionsShown()).contains("地元産品等の贈り物").contains("岩手県");
        checkPage("new-search");
        subscribe("taro@example.jp", "daily");
        readmeScreenshot("alerts-new-ja-desktop");
        press();
        heading("確認メールを送りました");
        assertThat(main()).contains("taro@example.jp あてに確認のメールを送りました。");
        checkPage("sent");
        assertThat(mails(1)).as("exactly one mail: the confirmation").hasSize(1);

        String manage = confirmFromMail(mails(1)[0]);
        openFromMail(manage);
        heading("お知らせの条件の確認・変更");
        assertThat(main()).contains("taro@example.jp").contains("地元産品等の贈り物").contains("岩手県");
        assertThat(field("frequency-daily").isSelected()).isTrue();
        checkPage("manage");
        readmeScreenshot("alerts-manage-ja-desktop");

        long matching = publishCopy(7, "メール試験のエール便");
        long other = publishCopy(1, "メール試験のSNS");
        CLOCK.set(Instant.parse("2027-01-10T10:00:00Z")); // 19:00 JST: the day's digest is due
        runDigests();
        MimeMessage[] mails = mails(2);
        assertThat(mails).as("the confirmation and one digest").hasSize(2);
        MimeMessage digest = mails[1];
        String body = text(digest);
        assertThat(programsIn(body)).as("exactly the matching program").containsExactly(matching);
        assertThat(body).contains("メール試験のエール便").contains(url("/programs/" + matching))
                .doesNotContain("メール試験のSNS").doesNotContain("/programs/" + other);
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String[] listUnsubscribe = digest.getHeader("List-Unsubscribe");
        assertThat(listUnsubscribe).hasSize(1);
        assertThat(listUnsubscribe[0]).matches("<http://[^>]+/alerts/unsubscribe/[^>]+>");

        runDigests();
        assertThat(mails(2)).as("nothing more in the same period").hasSize(2);
        CLOCK.set(Instant.parse("2027-01-11T10:00:00Z"));
        runDigests();
        assertThat(smtp.waitForIncomingEmail(1_000, 3)).as("nothing new the next day").isFalse();

        String unsubscribe = onThisServer(listUnsubscribe[0].substring(1, listUnsubscribe[0].length() - 1));
        browser.get(unsubscribe);
        heading("配信停止");
        assertThat(main()).contains("地元産品等の贈り物");
        checkPage("unsubscribe");
        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from alert_subscription where email = ?", Integer.class,
                "taro@example.jp")).isZero();
        browser.get(unsubscribe);
        heading("配信を停止しました");
        checkPage("unsubscribed");
        openFromMail(manage);
        heading("このリンクは使えません");
        checkPage("gone");
    }

    @Test
    void subscribeFromTheCheckerAndGetTheNewEligibleProgramWithItsVerdictAndReasons() throws Exception {
        open("/eligibility?age=20&hometown=" + encode("盛岡市") + "&residence=" + encode("東京都"));
        clickAndWait(By.linkText("使える施策が増えたらメールで知らせる"));
        heading("使える施策が増えたらメールで知らせる");
        assertThat(conditionsShown()).contains("盛岡市").contains("20歳").contains("東京都");
        assertThat(main()).contains("年齢は、答えた年齢とその日付を保存");
        checkPage("new-checker");
        subscribe("jiro@example.jp", "weekly");
        press();
        heading("確認メールを送りました");
        assertThat(mails(1)).hasSize(1);
        confirmFromMail(mails(1)[0]);

        long morioka = publishCopy(7, "チェッカー試験のエール便");
        long tochigi = publishCopy(1, "チェッカー試験の栃木");
        CLOCK.set(Instant.parse("2027-01-18T10:00:00Z")); // Monday 19:00 JST: the week's digest is due
        runDigests();
        MimeMessage[] mails = mails(2);
        assertThat(mails).hasSize(2);
        assertThat(mails[1].getSubject()).contains("あなたが使える施策");
        String body = text(mails[1]);
        assertThat(programsIn(body)).containsExactly(morioka);
        assertThat(body).contains(url("/programs/" + morioka)).doesNotContain("チェッカー試験の栃木")
                .doesNotContain("/programs/" + tochigi);
        Matcher item = Pattern.compile("■ チェッカー試験のエール便\\n((?: {2}.*\\n)+)").matcher(body);
        assertThat(item.find()).as("the program in the text part").isTrue();
        assertThat(item.group(1)).containsPattern("判定: (該当|要確認)").contains("  ・")
                .contains("年齢: 15歳以上25歳以下 — 20歳のため該当").contains("東京都在住のため該当");
        runDigests();
        assertThat(smtp.waitForIncomingEmail(1_000, 3)).as("nothing more in the same week").isFalse();
    }

    @Test
    void theFormWithErrorsLeadsToEachFieldAndKeepsWhatWasTyped() {
        open("/alerts/new?category=gifts&pref=03");
        press();
        heading("新着のお知らせをメールで受け取る");
        assertThat(browser.getTitle()).startsWith("エラー: ");
        WebElement summary = browser.findElement(By.cssSelector(".tsn-error-summary"));
        assertThat(browser.switchTo().activeElement()).as("the summary has the focus").isEqualTo(summary);
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links).extracting(a -> a.getDomAttribute("href")).containsExactly("#email", "#consent");
        checkPage("new-errors");
        for (String id : new String[] {"email", "consent"}) {
            browser.findElement(By.cssSelector(".tsn-error-summary a[href='#" + id + "']")).click();
            assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the link to " + id)
                    .isEqualTo(id);
            assertThat(field(id).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(field(id).getDomAttribute("aria-describedby")).contains(id + "-error");
        }
        type("email", "taro@");
        press();
        heading("新着のお知らせをメールで受け取る");
        assertThat(field("email").getDomProperty("value")).isEqualTo("taro@");
        assertThat(main()).contains("メールアドレスを「taro@example.jp」の形で入力してください。");

        // No frequency (a person cannot unselect a radio button; a crafted request can): its link leads to the group.
        browser.executeScript("document.querySelectorAll('input[name=frequency]').forEach(r => r.checked = false);");
        press();
        heading("新着のお知らせをメールで受け取る");
        browser.findElement(By.cssSelector(".tsn-error-summary a[href='#frequency']")).click();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("frequency");
        accessible("form with a frequency error");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theFormWorksWithJavaScriptOff() throws Exception {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            browser.get(url("/alerts/new?category=gifts&pref=03"));
            heading("新着のお知らせをメールで受け取る");
            press();
            heading("新着のお知らせをメールで受け取る");
            WebElement summary = browser.findElement(By.cssSelector(".tsn-error-summary"));
            assertThat(browser.switchTo().activeElement()).as("site.js did not run: JavaScript is off")
                    .isNotEqualTo(summary);
            subscribe("hanako@example.jp", "weekly");
            press();
            heading("確認メールを送りました");
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
        assertThat(mails(1)).hasSize(1);
        assertThat(jdbc.queryForObject("select frequency from alert_subscription where email = ?", String.class,
                "hanako@example.jp")).isEqualTo("WEEKLY");
    }

    @Test
    void theEnglishFormsHaveNoJapaneseOnlyText() {
        for (String path : new String[] {"/alerts/new?category=gifts&pref=03",
                "/alerts/new?kind=checker&age=20&hometown=032018&residence=13"}) {
            open(path + "&lang=en");
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            // The header, the page and the footer's link; the footer's source line quotes the source's Japanese title
            // on purpose (with an English gloss), as on every English page.
            String shown = (String) browser.executeScript("return Array.from(document.querySelectorAll("
                    + "'header, main, footer a')).map(e => { const c = e.cloneNode(true);"
                    + " c.querySelectorAll('[lang]:not([lang=en])').forEach(x => x.remove()); return c.innerText; })"
                    + ".join('\\n');");
            List<String> japanese = JAPANESE.matcher(browser.getTitle() + "\n" + shown).results()
                    .map(java.util.regex.MatchResult::group).toList();
            assertThat(japanese).as("Japanese on " + path + " in English").isEmpty();
            assertThat(browser.findElement(By.cssSelector("main button[type=submit]")).getText()).isNotBlank();
            checkPage("new-en" + (path.contains("checker") ? "-checker" : ""));
        }
    }

    @Test
    void theOtherPagesAreAccessible() throws Exception {
        open("/privacy");
        heading("個人情報の取扱い");
        checkPage("privacy");
        open("/alerts/confirm/" + "A".repeat(43));
        heading("このリンクは使えません");
        checkPage("gone-confirm");
        open("/alerts/unsubscribe/1." + "A".repeat(43));
        heading("配信を停止しました");

        runDigests(); // counts the subscriptions for the office
        open("/admin");
        type("username", "admin");
        type("password", "alerts-admin-password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");
        open("/admin/alerts");
        heading("メールのお知らせの登録数");
        assertThat(main()).contains("登録（確認済み）").contains("岩手県").doesNotContain("@");
        checkPage("counts");
    }

    // --- helpers ---

    /**
     * axe on desktop and at 375 px (no sideways scrolling, no tap target under 24 px), with a screenshot of each.
     * The viewport changes without a reload: a page that answered a POST is not sent again.
     */
    private void checkPage(String name) {
        assertThat(browser.findElements(By.tagName("h1"))).as(name).hasSize(1);
        accessible(name);
        screenshot("alerts-" + name + "-desktop");
        Browser.phone();
        try {
            assertThat(Phone.scrollsHorizontally()).as(name + " scrolls sideways at 375 px").isFalse();
            assertThat(Phone.smallTargets()).as(name + " tap targets under 24 px").isEmpty();
            accessible(name + " at 375 px");
            screenshot("alerts-" + name + "-phone");
        } finally {
            Browser.desktop();
        }
    }

    /** The README's screenshot of the page from its top, on desktop (docs/screenshots/ holds a copy). */
    private void readmeScreenshot(String name) {
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        screenshot(name);
    }

    /** Types the address, chooses the frequency and consents, as a person does (by the labels). */
    private void subscribe(String email, String frequency) {
        type("email", email);
        browser.findElement(By.cssSelector("label[for='frequency-" + frequency + "']")).click();
        browser.findElement(By.cssSelector("label[for='consent']")).click();
        assertThat(field("frequency-" + frequency).isSelected()).isTrue();
        assertThat(field("consent").isSelected()).isTrue();
    }

    private void press() {
        clickAndWait(By.cssSelector("main form button[type=submit]"));
    }

    /** Opens the mail's confirmation link, checks the page, presses 「登録を完了する」; the manage link shown then. */
    private String confirmFromMail(MimeMessage mail) throws Exception {
        Matcher link = CONFIRM.matcher(text(mail));
        assertThat(link.find()).as("a confirmation link in the mail").isTrue();
        String confirm = onThisServer(link.group());
        browser.get(confirm);
        heading("登録の確認");
        checkPage("confirm");
        clickAndWait(By.xpath("//main//button[normalize-space()='登録を完了する']"));
        heading("登録しました");
        checkPage("confirmed");
        String manage = browser.findElement(By.linkText("条件の確認・変更・配信停止")).getDomProperty("href");
        assertThat(manage).contains("/alerts/manage/");
        return manage;
    }

    private void openFromMail(String link) {
        browser.get(onThisServer(link));
    }

    /** A link from a mail, pointed at this test's server (the path is what counts). */
    private String onThisServer(String link) {
        return link.replaceFirst("^https?://[^/]+", url(""));
    }

    /** Waits (up to 15 s) for the next page's h1. */
    private void heading(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().equals(expected));
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private String conditionsShown() {
        return browser.findElement(By.cssSelector("main [data-conditions]")).getText();
    }

    /** The mails received, after waiting (up to 15 s) for at least {@code n}. */
    private MimeMessage[] mails(int n) {
        smtp.waitForIncomingEmail(15_000, n);
        return smtp.getReceivedMessages();
    }

    private static List<Long> programsIn(String mail) {
        return PROGRAM_IN_MAIL.matcher(mail).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    private long publishCopy(long from, String name) {
        long id = transactions.execute(t -> editor.create(editor.editable(from).orElseThrow().content().renamed(name),
                true, "alerts-browser-test"));
        created.add(id);
        return id;
    }

    /**
     * One look of the digest job ({@code DigestJob.Digests.runDue}), as the scheduler calls it: the bean and its
     * method are package-private in {@code jp.tsunagari.alerts}, so they are reached by reflection.
     */
    private void runDigests() throws Exception {
        Class<?> type = Class.forName("jp.tsunagari.alerts.DigestJob$Digests");
        Method runDue = type.getDeclaredMethod("runDue", BooleanSupplier.class);
        runDue.setAccessible(true);
        try {
            runDue.invoke(context.getBean(type), (BooleanSupplier) () -> false);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every text part of a mail (plain and HTML), decoded. */
    static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }
}
