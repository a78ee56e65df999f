package jp.tsunagari.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.TestSmtp;
import jp.tsunagari.catalogue.ProgramEditor;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole loop through a real SMTP server (GreenMail): subscribe from a filtered list, one confirmation mail and
 * nothing else until its link is used, confirm, staff publish a matching and a non-matching program, exactly one
 * digest with exactly the matching program, a second look sends nothing, the next day's digest does not repeat it,
 * one-click unsubscribe (RFC 8058 POST without a CSRF token) removes the address from the database.
 */
@SpringBootTest(properties = {"catalogue.jobs.enabled=false", "catalogue.alerts.settle=PT0S"})
@AutoConfigureMockMvc
@Import(AlertsFlowTest.Clocks.class)
class AlertsFlowTest {

    static final TestClock CLOCK = new TestClock(Instant.parse("2027-01-10T01:00:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock alertsTestClock() {
            return CLOCK;
        }
    }

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.pointAt(smtp, registry);
    }

    static final Pattern CONFIRM = Pattern.compile("http://[^\\s\"<]+/alerts/confirm/([A-Za-z0-9_-]{43})");
    static final Pattern MANAGE = Pattern.compile("/alerts/manage/(\\d+\\.[A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgramEditor editor;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DigestJob.Digests digests;
    @Autowired
    DigestRows rows;

    @BeforeEach
    void clean() throws Exception {
        TestSmtp.forgetAlerts(smtp, jdbc);
        CLOCK.set(Instant.parse("2027-01-10T01:00:00Z"));
    }

    /**
     * A subscription deleted between the matching's read and its write (a one-click unsubscribe meanwhile) gets no
     * mail and fails nothing; a mail never names a list its run does not have.
     */
    @Test
    void aMailForASubscriptionDeletedMeanwhileIsNotRecorded() throws Exception {
        assertThat(rows.create(Frequency.DAILY, "2027-01-09", 0, 0, CLOCK.instant())).isTrue();
        long run = jdbc.queryForObject("select id from alert_run where period_key = '2027-01-09'", Long.class);
        rows.insert(run, java.util.List.of(new DigestRows.NewList(1, java.util.List.of(7L), 1)),
                java.util.List.of(new DigestRows.NewDelivery(Long.MAX_VALUE, 1)));
        assertThat(jdbc.queryForObject("select count(*) from alert_mail where run_id = ?", Integer.class, run)).isZero();
        mvc.perform(post("/alerts").with(csrf()).param("kind", "search").param("conditions", "category=gifts")
                .param("email", "hanako@example.jp").param("frequency", "daily").param("consent", "true"))
                .andExpect(status().isOk());
        long subscription = jdbc.queryForObject("select id from alert_subscription where email = 'hanako@example.jp'",
                Long.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.insert(run, java.util.List.of(),
                        java.util.List.of(new DigestRows.NewDelivery(subscription, 2))))
                .as("list 2 of the run does not exist").isInstanceOf(org.springframework.dao.DataAccessException.class);
        rows.insert(run, java.util.List.of(), java.util.List.of(new DigestRows.NewDelivery(subscription, 1)));
        assertThat(jdbc.queryForObject("select count(*) from alert_mail where run_id = ?", Integer.class, run))
                .isEqualTo(1);
    }

    @Test
    void subscribeConfirmDigestOnceAndUnsubscribe() throws Exception {
        String page = mvc.perform(get("/alerts/new").param("category", "gifts").param("pref", "03"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("地元産品等の贈り物").contains("岩手県").contains("name=\"conditions\"");
        mvc.perform(post("/alerts").with(csrf()).param("kind", "search").param("conditions", "category=gifts&pref=03")
                .param("email", " Taro@Example.JP ").param("frequency", "daily").param("consent", "true"))
                .andExpect(status().isOk());
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        Matcher link = CONFIRM.matcher(text(mails[0]));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        long matching = publishCopy(7, "アラート試験のエール便");
        publishCopy(1, "アラート試験のSNS");
        CLOCK.set(Instant.parse("2027-01-10T10:00:00Z"));
        digests.runDue(() -> false);
        assertThat(smtp.getReceivedMessages()).as("nothing but the confirmation before the link is used").hasSize(1);

        mvc.perform(get("/alerts/confirm/" + token)).andExpect(status().isOk());
        mvc.perform(post("/alerts/confirm/" + token).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/alerts/confirm/" + token).with(csrf())).andExpect(status().isGone());

        long later = publishCopy(7, "確認後のエール便");
        publishCopy(1, "確認後のSNS");
        CLOCK.set(Instant.parse("2027-01-11T10:00:00Z"));
        digests.runDue(() -> false);
        mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        MimeMessage digest = mails[1];
        String body = text(digest);
        assertThat(body).contains("確認後のエール便").contains("/programs/" + later)
                .doesNotContain("確認後のSNS").doesNotContain("/programs/" + matching + "\"");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = digest.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).contains("/alerts/unsubscribe/");

        digests.runDue(() -> false);
        CLOCK.set(Instant.parse("2027-01-12T10:00:00Z"));
        digests.runDue(() -> false);
        assertThat(smtp.getReceivedMessages()).as("no second mail for the same change").hasSize(2);

        Matcher manage = MANAGE.matcher(body);
        assertThat(manage.find()).isTrue();
        mvc.perform(get("/alerts/manage/" + manage.group(1))).andExpect(status().isOk());
        String path = unsubscribe.substring(unsubscribe.indexOf("/alerts/unsubscribe/"), unsubscribe.length() - 1);
        mvc.perform(post(path).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from alert_subscription where email = 'taro@example.jp'",
                Integer.class)).isZero();
        mvc.perform(post(path)).andExpect(status().isOk());
        mvc.perform(get("/alerts/manage/" + manage.group(1))).andExpect(status().isGone());
    }

    @Test
    void checkerSubscriptionGetsNewEligibleProgramsWithReasons() throws Exception {
        String page = mvc.perform(get("/alerts/new").param("kind", "checker").param("age", "20")
                .param("hometown", "盛岡市").param("residence", "東京都")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("盛岡市").contains("20歳").contains("年齢は、答えた年齢とその日付を保存");
        Matcher hidden = Pattern.compile("name=\"conditions\" value=\"([^\"]*)\"").matcher(page);
        assertThat(hidden.find()).isTrue();
        String conditions = hidden.group(1).replace("&amp;", "&");
        assertThat(conditions).isEqualTo("age=20&hometown=032018&residence=13");
        mvc.perform(post("/alerts").with(csrf()).param("kind", "checker").param("conditions", conditions)
                .param("email", "jiro@example.jp").param("frequency", "weekly").param("consent", "true"))
                .andExpect(status().isOk());
        Matcher link = CONFIRM.matcher(text(smtp.getReceivedMessages()[0]));
        assertThat(link.find()).isTrue();
        mvc.perform(post("/alerts/confirm/" + link.group(1)).with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select age_on from alert_subscription where email = 'jiro@example.jp'",
                java.sql.Date.class).toLocalDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 10));

        long morioka = publishCopy(7, "チェッカー試験のエール便");
        long tochigi = publishCopy(1, "チェッカー試験の栃木");
        CLOCK.set(Instant.parse("2027-01-18T10:00:00Z"));
        digests.runDue(() -> false);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        String body = text(mails[1]);
        assertThat(mails[1].getSubject()).contains("あなたが使える施策");
        assertThat(body).contains("チェッカー試験のエール便").contains("/programs/" + morioka).contains("判定")
                .contains("出身").doesNotContain("チェッカー試験の栃木").doesNotContain("/programs/" + tochigi + "\"");
        assertThat(body).as("the conditions in words in the footer").contains("盛岡市").contains("20歳");
    }

    private final java.util.List<Long> created = new java.util.ArrayList<>();

    private long publishCopy(long from, String name) {
        long id = transactions.execute(t -> editor.create(editor.editable(from).orElseThrow().content().renamed(name),
                true, "alerts-test"));
        created.add(id);
        return id;
    }

    /** The database is shared with the other tests: the programs made here go again. */
    @org.junit.jupiter.api.AfterEach
    void deleteCreated() {
        for (long id : created) {
            transactions.executeWithoutResult(t -> editor.delete(id, editor.editable(id).orElseThrow().version(),
                    "alerts-test"));
            jdbc.update("delete from program_revision where program_id = ?", id);
        }
        created.clear();
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
