package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import jp.tsunagari.web.HtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * 「リンク切れ」 ({@code /admin/links}) with results written as the link check writes them: もりおかエール便 (7, 盛岡市)
 * with a 404 official site and an application address that redirects in a loop, ふるさと南部からのエール便 (5, 南部町)
 * with a contact address that timed out. The office sees all three, 盛岡市 its own two, anonymous users the sign-in.
 * Rolled back at the end.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class BrokenLinksPageTest {

    static final RequestPostProcessor OFFICE = user("office").roles("EDITOR");
    static final RequestPostProcessor MORIOKA = OrganizationAccessTest.MORIOKA;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void results() {
        Instant checked = Instant.parse("2026-12-01T18:30:00Z");
        Instant since = Instant.parse("2026-11-20T18:30:00Z");
        insert(7, "OFFICIAL", "https://example.jp/<b>gone</b>", "BROKEN", 404, checked, since);
        insert(7, "APPLY", "https://example.jp/apply", "REDIRECT_LOOP", 301, checked, checked);
        insert(7, "CONTACT", "https://example.jp/contact", "OK", 200, checked, null);
        insert(5, "CONTACT", "https://nanbu.example.jp/", "TIMEOUT", null, checked, checked);
    }

    void insert(long program, String kind, String url, String outcome, Integer status, Instant checked, Instant since) {
        jdbc.update("delete from link_check where program_id = ? and kind = ?", program, kind);
        jdbc.update("insert into link_check (program_id, kind, url, outcome, http_status, checked_at, first_failed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", program, kind, url, outcome, status, Timestamp.from(checked),
                since == null ? null : Timestamp.from(since));
    }

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(HtmlChecker.errors(html)).isEmpty();
        return Jsoup.parse(html);
    }

    @Test
    void theOfficeSeesEveryBrokenLinkWithItsStatusAndDateInJapanTime() throws Exception {
        Document page = page(get("/admin/links").with(OFFICE));
        assertThat(page.select("h1").text()).isEqualTo("リンク切れ");
        assertThat(page.select("h2").text()).contains("リンク切れ 3件");
        var rows = page.select("table tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).select("th a").attr("href")).isEqualTo("/admin/programs/5/edit");
        assertThat(rows.get(0).text()).contains("問い合わせ", "https://nanbu.example.jp/", "タイムアウト");
        assertThat(rows.get(1).select("th a").text()).isEqualTo("もりおかエール便");
        assertThat(rows.get(1).text()).contains("公式", "https://example.jp/<b>gone</b>", "404",
                "2026-12-02 03:30", "2026-11-21 03:30");
        assertThat(rows.get(1).select("b")).isEmpty();
        assertThat(rows.get(2).text()).contains("申込み", "リダイレクトの繰り返し");
        assertThat(page.text()).doesNotContain("https://example.jp/contact");
        assertThat(page.select("form[action=/admin/links/check]")).as("the check is off in tests").isEmpty();
    }

    @Test
    void anOrganizationEditorSeesOnlyItsOwnProgramsBrokenLinks() throws Exception {
        Document page = page(get("/admin/links").with(MORIOKA));
        assertThat(page.select("table tbody tr")).hasSize(2);
        assertThat(page.text()).contains("もりおかエール便").doesNotContain("nanbu.example.jp")
                .doesNotContain("ふるさと南部からのエール便");
        assertThat(page(get("/admin").with(MORIOKA)).select("a[href=/admin/links]").text()).isEqualTo("リンク切れ 2件");
        assertThat(page(get("/admin").with(OFFICE)).select("a[href=/admin/links]").text()).isEqualTo("リンク切れ 3件");
        assertThat(page(get("/admin/links").with(OrganizationAccessTest.organization("012025")))
                .select("table")).isEmpty();
    }

    @Test
    void anonymousUsersAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/links").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void askingForACheckIsTheOfficesAndSaysWhenTheCheckIsOff() throws Exception {
        mvc.perform(post("/admin/links/check").with(MORIOKA).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/links/check").with(OFFICE)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/links/check").with(OFFICE).with(csrf())).andExpect(redirectedUrl("/admin/links"))
                .andExpect(flash().attribute("message", "この環境では自動確認が無効のため、確認できません。"));
    }
}
