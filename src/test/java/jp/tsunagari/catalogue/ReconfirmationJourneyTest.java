package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import jp.tsunagari.TestSmtp;
import jp.tsunagari.staff.StaffDirectory;
import jp.tsunagari.staff.StaffRole;
import jp.tsunagari.system.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The re-confirmation cycle with a hand-set clock, on a database of its own and a real SMTP server: a program of
 * 札幌市 published on 2027-01-10 is 要再確認 twelve months later; 札幌市's account is asked once, reminded a month
 * later, the office is told a month after that; 「変更なしで確認」 makes it fresh without a new version, and the history
 * shows the confirmation. Another program left alone for fifteen months shows the public notice, in lists too, and
 * the 「最近確認」 filter leaves it out; the API and the CSV carry the state.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:reconfirm;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@Import(ReconfirmationJourneyTest.Clocks.class)
class ReconfirmationJourneyTest {

    static final TestClock CLOCK = new TestClock(Instant.parse("2027-01-10T01:00:00Z"));
    static final String SAPPORO = "011002";
    static final String TANTO = "tanto@city.sapporo.example.jp";
    static final String OFFICE = "office@catalogue.example.jp";
    static final RequestPostProcessor SAPPORO_EDITOR = user("sapporo-tanto").authorities(
            new SimpleGrantedAuthority("ROLE_ORG_EDITOR"), new SimpleGrantedAuthority("ORG_" + SAPPORO));
    static final RequestPostProcessor REVIEWER = user("office-reviewer").roles("EDITOR");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.pointAt(smtp, registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgramEditor editor;
    @Autowired
    ReconfirmationJob.Cycle cycle;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reconfirmations reconfirmations;

    @BeforeEach
    void accounts() {
        if (staff.byUsername("sapporo-tanto").isPresent()) {
            return;
        }
        staff.createInvited("sapporo-tanto", "札幌市の担当", TANTO, StaffRole.ORG_EDITOR, SAPPORO);
        staff.createInvited("office-reviewer", "事務局", OFFICE, StaffRole.EDITOR, null);
    }

    static ProgramContent sapporoProgram(String name) {
        ProgramContent c = ProgramEditorTest.newProgram(name);
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(), "01", SAPPORO, c.startYear(),
                c.startMonth(), c.eventYear(), c.eventMonth(), c.channel(), c.lifecycle(), c.summary(), c.benefit(),
                c.officialUrl(), c.eligibilityText(), c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(),
                c.sourceOrder(), c.sections(), c.metrics(), c.examples(), c.dataNotes(), c.targetGroups(),
                c.application(), c.schedule());
    }

    /**
     * Sets the clock to 10:00 in Japan on {@code day} and runs the cycle's job once, as its task would: on a thread of
     * its own, outside any request (the mails' links cannot come from a request there).
     */
    void runOn(String day) throws Exception {
        CLOCK.set(Instant.parse(day + "T01:00:00Z"));
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread job = new Thread(() -> cycle.run(LocalDate.parse(day), () -> false));
        job.setUncaughtExceptionHandler((t, e) -> failed.set(e));
        job.start();
        job.join();
        assertThat(failed.get()).isNull();
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String subject(MimeMessage m) throws Exception {
        return m.getSubject();
    }

    static String text(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        var request = get(path);
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void dueAfterTwelveMonthsAskedRemindedHandedOverThenConfirmedUnchanged() throws Exception {
        CLOCK.set(Instant.parse("2027-01-10T01:00:00Z"));
        long id = editor.create(sapporoProgram("さっぽろ再確認テスト便"), true, "test");
        int revisions = jdbc.queryForObject("select count(*) from program_revision where program_id = ?", Integer.class, id);

        runOn("2028-01-09");
        assertThat(mailTo(TANTO)).as("not yet twelve months").isEmpty();

        runOn("2028-01-10");
        assertThat(mailTo(TANTO)).hasSize(1);
        MimeMessage ask = mailTo(TANTO).get(0);
        assertThat(subject(ask)).contains("内容に変更はありませんか");
        assertThat(text(ask)).contains("札幌市 ご担当者様").contains("さっぽろ再確認テスト便")
                .contains("2027年1月10日から確認されていません").contains("/admin/programs/" + id + "/edit")
                .contains("Confirm without changes");
        runOn("2028-01-10");
        runOn("2028-01-11");
        assertThat(mailTo(TANTO)).as("asked once, however often the job looks").hasSize(1);

        String edit = page("/admin/programs/" + id + "/edit", SAPPORO_EDITOR);
        assertThat(edit).contains("要再確認: 12か月以上確認されていません").contains("変更なしで確認");
        assertThat(page("/admin?status=DUE", SAPPORO_EDITOR)).contains("さっぽろ再確認テスト便");
        assertThat(page("/admin", SAPPORO_EDITOR)).contains("確認が必要な施策 1件");

        runOn("2028-02-10");
        assertThat(mailTo(TANTO)).hasSize(2);
        assertThat(subject(mailTo(TANTO).get(1))).contains("再送");
        assertThat(mailTo(OFFICE).stream().filter(m -> has(m, "回答がない"))).isEmpty();

        runOn("2028-03-10");
        List<MimeMessage> handedOver = mailTo(OFFICE).stream().filter(m -> has(m, "回答がない")).toList();
        assertThat(handedOver).hasSize(1);
        assertThat(text(handedOver.get(0))).contains("さっぽろ再確認テスト便");
        assertThat(page("/admin?status=OVERDUE", REVIEWER)).contains("さっぽろ再確認テスト便");

        // 「変更なしで確認」 with a stale version is refused; with the current one it makes the program fresh.
        long version = editor.editable(id).orElseThrow().version();
        mvc.perform(post("/admin/programs/" + id + "/confirm").with(SAPPORO_EDITOR).with(csrf())
                .param("version", Long.toString(version - 1)));
        assertThat(jdbc.queryForObject("select confirmed_on from program where id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.of(2027, 1, 10));
        var done = mvc.perform(post("/admin/programs/" + id + "/confirm").with(SAPPORO_EDITOR).with(csrf())
                .param("version", Long.toString(version))).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/programs/" + id + "/edit");
        assertThat(done.getFlashMap().get("message").toString()).contains("2028年3月10日");
        assertThat(jdbc.queryForObject("select confirmed_on from program where id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(editor.editable(id).orElseThrow().version()).as("no new version").isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from program_revision where program_id = ?", Integer.class, id))
                .as("no new revision").isEqualTo(revisions);
        assertThat(jdbc.queryForObject("select count(*) from reconfirmation where program_id = ?", Integer.class, id))
                .isZero();
        assertThat(page("/admin/programs/" + id + "/history", SAPPORO_EDITOR)).contains("変更なしで確認")
                .contains("sapporo-tanto");
        assertThat(page("/admin?status=DUE", SAPPORO_EDITOR)).doesNotContain("さっぽろ再確認テスト便");

        runOn("2028-05-10");
        assertThat(mailTo(TANTO)).as("fresh again: no more mail").hasSize(2);
    }

    boolean has(MimeMessage m, String text) {
        try {
            return subject(m).contains(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void afterFifteenMonthsThePagesSaySoAndTheFilterLeavesItOut() throws Exception {
        CLOCK.set(Instant.parse("2027-01-10T01:00:00Z"));
        long id = editor.create(sapporoProgram("さっぽろ長期未確認テスト便"), true, "test");
        String search = "/programs?q=さっぽろ長期未確認テスト便";

        CLOCK.set(Instant.parse("2028-04-09T01:00:00Z"));
        String before = waitFor(search + "&confirmed=recent", p -> p.contains("1件の施策"));
        assertThat(before).doesNotContain("2027年1月以降確認されていません");
        assertThat(page("/programs/" + id, null)).doesNotContain("2027年1月以降確認されていません");

        CLOCK.set(Instant.parse("2028-04-10T01:00:00Z"));
        assertThat(waitFor(search + "&confirmed=recent", p -> p.contains("0件の施策"))).contains("0件の施策");
        assertThat(page(search, null)).contains("1件の施策").contains("この情報は2027年1月以降確認されていません");
        assertThat(page("/programs/" + id, null)).contains("この情報は2027年1月以降確認されていません。");
        assertThat(page("/programs/" + id + "?lang=en", null))
                .contains("This information has not been confirmed since January 2027.");
        assertThat(page("/api/v1/programs/" + id, null)).contains("\"confirmation\":{\"state\":\"unconfirmed\","
                + "\"assuredOn\":\"2027-01-10\"}");
        assertThat(page("/programs.csv?pref=01", null)).contains("長期間未確認");
        assertThat(page("/admin?status=UNCONFIRMED", REVIEWER)).contains("さっぽろ長期未確認テスト便");
    }

    /** A link the link check found broken twice in a row: the program joins the queue, its maintainers are asked. */
    @Test
    void aBrokenLinkJoinsTheQueue() throws Exception {
        CLOCK.set(Instant.parse("2030-06-01T01:00:00Z"));
        long id = editor.create(sapporoProgram("さっぽろリンク切れテスト便"), true, "test");
        runOn("2030-06-01");
        int before = mailTo(TANTO).size();

        reconfirmations.linksChecked(id, true, false);
        assertThat(page("/admin?status=DUE", SAPPORO_EDITOR)).contains("さっぽろリンク切れテスト便")
                .contains("開けないリンクがあります");
        runOn("2030-06-02");
        List<MimeMessage> mails = mailTo(TANTO);
        assertThat(mails).hasSize(before + 1);
        assertThat(text(mails.get(mails.size() - 1))).contains("さっぽろリンク切れテスト便（開けないリンクがあります")
                .contains("/admin/links");

        reconfirmations.linksChecked(id, false, true);
        assertThat(jdbc.queryForObject("select count(*) from reconfirmation where program_id = ?", Integer.class, id))
                .as("its links work again, and it is not due").isZero();
    }

    /** The page once {@code ready} holds (the index takes up a new day by its own schedule, every 2 s). */
    String waitFor(String path, Predicate<String> ready) throws Exception {
        String page = page(path, null);
        for (int i = 0; i < 100 && !ready.test(page); i++) {
            Thread.sleep(100);
            page = page(path, null);
        }
        return page;
    }
}
