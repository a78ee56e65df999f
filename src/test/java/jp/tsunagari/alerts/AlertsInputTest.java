package jp.tsunagari.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jp.tsunagari.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input on the alert pages: a malformed address or one with a header injection, no consent, conditions that
 * cannot be read or were tampered with, too many requests from one client or for one address, guessed and reused
 * tokens, an unsubscribe link used twice — each gets a clear page (never a 500), nothing typed is lost, and no answer
 * tells whether an address is subscribed.
 */
@SpringBootTest(properties = {"catalogue.jobs.enabled=false", "catalogue.alerts.per-client-per-hour=5"})
@AutoConfigureMockMvc
class AlertsInputTest {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.pointAt(smtp, registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlertTally tally;

    @BeforeEach
    void clean() throws Exception {
        TestSmtp.forgetAlerts(smtp, jdbc);
    }

    private MockHttpServletRequestBuilder subscribe(String email, String client) {
        return post("/alerts").with(csrf()).with(r -> {
            r.setRemoteAddr(client);
            return r;
        }).param("kind", "search").param("conditions", "category=sns").param("email", email)
                .param("frequency", "weekly").param("consent", "true");
    }

    @Test
    void malformedAndInjectedAddressesAreRefusedWithTheirTextKept() throws Exception {
        for (String bad : new String[] {"taro", "taro@", "a@b", "taro@example.jp\r\nBcc: x@example.jp",
                "Taro <taro@example.jp>", "a@example.jp, b@example.jp", "x".repeat(250) + "@example.jp"}) {
            String page = mvc.perform(subscribe(bad, "10.0.0.1")).andExpect(status().isBadRequest()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).contains("tsn-error-summary").contains("メールアドレスを「taro@example.jp」の形で");
        }
        String kept = mvc.perform(subscribe("taro@", "10.0.0.2")).andReturn().getResponse().getContentAsString();
        assertThat(kept).contains("value=\"taro@\"").contains("value=\"weekly\" checked");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from alert_subscription", Integer.class)).isZero();
    }

    @Test
    void consentIsRequired() throws Exception {
        String page = mvc.perform(post("/alerts").with(csrf()).param("kind", "search").param("conditions", "")
                .param("email", "hanako@example.jp").param("frequency", "daily")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("同意が必要です").contains("value=\"hanako@example.jp\"");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void unreadableOrTamperedConditionsAreRefused() throws Exception {
        mvc.perform(get("/alerts/new").param("category", "nothing")).andExpect(status().isBadRequest());
        mvc.perform(get("/alerts/new").param("kind", "checker").param("age", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/alerts/new").param("kind", "checker")).andExpect(status().isBadRequest());
        mvc.perform(post("/alerts").with(csrf()).param("kind", "search").param("conditions", "pref=03&category=sns")
                .param("email", "a@example.jp").param("frequency", "daily").param("consent", "true"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/alerts").with(csrf()).param("kind", "other").param("conditions", "")
                .param("email", "a@example.jp").param("frequency", "daily").param("consent", "true"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/alerts/new").param("q", "移住 支援").param("ended", "include")).andExpect(status().isOk());
        for (String broken : new String[] {"q=%ZZ", "q=日本", "q=%E3%81", "category=sns&" + "pref=01&".repeat(600)}) {
            mvc.perform(post("/alerts").with(csrf()).param("kind", "search").param("conditions", broken)
                    .param("email", "a@example.jp").param("frequency", "daily").param("consent", "true"))
                    .andExpect(status().isBadRequest());
        }
        String longest = mvc.perform(get("/alerts/new").param("q", "移".repeat(200)).param("category", "sns", "gifts")
                .param("pref", java.util.stream.IntStream.rangeClosed(1, 47).mapToObj(i -> String.format("%02d", i))
                        .toArray(String[]::new))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("name=\"conditions\" value=\"([^\"]*)\"")
                .matcher(longest);
        org.assertj.core.api.Assertions.assertThat(kept.find()).isTrue();
        mvc.perform(post("/alerts").with(csrf()).param("kind", "search").param("conditions", kept.group(1).replace("&amp;", "&"))
                .param("email", "long@example.jp").param("frequency", "daily").param("consent", "true"))
                .andExpect(status().isOk());
        assertThat(smtp.getReceivedMessages()).as("only the longest usable conditions' confirmation").hasSize(1);
    }

    @Test
    void theAnswerNeverTellsWhetherAnAddressIsSubscribed() throws Exception {
        String first = mvc.perform(subscribe("same@example.jp", "10.0.1.1")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        jdbc.update("update alert_subscription set status = 'CONFIRMED', confirm_hash = null where email = 'same@example.jp'");
        String second = mvc.perform(subscribe("same@example.jp", "10.0.1.2")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(strip(second)).isEqualTo(strip(first));
        assertThat(jdbc.queryForObject("select count(*) from alert_subscription", Integer.class)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(AlertsFlowTest.text(smtp.getReceivedMessages()[1])).contains("すでに").contains("/alerts/manage/");
    }

    @Test
    void oneClientOrOneAddressIsThrottled() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(subscribe("many" + i + "@example.jp", "10.0.2.1")).andExpect(status().isOk());
        }
        String refused = mvc.perform(subscribe("many9@example.jp", "10.0.2.1")).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("申込みが多すぎます").contains("value=\"many9@example.jp\"");
        for (int i = 0; i < 3; i++) {
            mvc.perform(subscribe("victim@example.jp", "10.0.3." + i)).andExpect(status().isOk());
        }
        mvc.perform(subscribe("victim@example.jp", "10.0.3.9")).andExpect(status().isTooManyRequests());
        assertThat(jdbc.queryForObject("select count(*) from alert_attempt where throttle_key like '%example%'",
                Integer.class)).as("only hashes are kept").isZero();
    }

    @Test
    void guessedReusedAndRepeatedLinksGetClearPages() throws Exception {
        mvc.perform(get("/alerts/confirm/" + "A".repeat(43))).andExpect(status().isGone());
        mvc.perform(get("/alerts/confirm/short")).andExpect(status().isGone());
        mvc.perform(post("/alerts/confirm/" + "A".repeat(43)).with(csrf())).andExpect(status().isGone());
        mvc.perform(get("/alerts/manage/1." + "A".repeat(43))).andExpect(status().isGone());
        mvc.perform(get("/alerts/manage/../../etc")).andExpect(status().is4xxClientError());
        mvc.perform(post("/alerts/unsubscribe/1." + "A".repeat(43))).andExpect(status().isOk());
        mvc.perform(get("/alerts/unsubscribe/nonsense")).andExpect(status().isOk());
        mvc.perform(post("/alerts/manage/1." + "B".repeat(43) + "/frequency").with(csrf()).param("frequency", "daily"))
                .andExpect(status().isGone());
    }

    @Test
    void theOfficeSeesCountsNeverAddresses() throws Exception {
        mvc.perform(subscribe("counted@example.jp", "10.0.4.1")).andExpect(status().isOk());
        mvc.perform(post("/alerts").with(csrf()).param("kind", "checker").param("conditions", "age=22&hometown=03")
                .param("email", "checked@example.jp").param("frequency", "daily").param("consent", "true"))
                .andExpect(status().isOk());
        jdbc.update("update alert_subscription set status = 'CONFIRMED', confirm_hash = null");
        mvc.perform(subscribe("waiting@example.jp", "10.0.4.2")).andExpect(status().isOk());
        tally.count();
        String page = mvc.perform(get("/admin/alerts").with(user("office").roles("EDITOR"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("登録（確認済み） 2件").contains("確認待ち 1件").contains("検索の条件 1件・あなたが使える施策 1件")
                .doesNotContain("@example.jp");
        assertThat(page.replaceAll("\\s+", " ")).contains("SNS</th><td>1</td>").contains("岩手県</th><td>1</td>");
    }

    private static String strip(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
