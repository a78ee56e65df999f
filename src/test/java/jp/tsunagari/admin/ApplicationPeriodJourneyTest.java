package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import jp.tsunagari.system.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 20's "done when", on a database of its own and a clock set by hand (10:00 in Japan): staff fill in
 * もりおかエール便's application information and a 受付期間 open today, through the edit form (a wrong period first,
 * refused with everything kept); the public page, the 受付中 facet and sort, the Atom feed, the API, the CSV and the
 * comparison page (dated as of today) show it; when the period is over (the clock moved, the index refreshed for the
 * new day by its own schedule) it is 受付終了 and leaves the 受付中 count; when the program's end has passed it leaves
 * the lists and stays reachable.
 */
@SpringBootTest(properties = ApplicationPeriodJourneyTestSupport.DATABASE)
@AutoConfigureMockMvc
@Import(ApplicationPeriodJourneyTestSupport.Clocks.class)
class ApplicationPeriodJourneyTest {

    static final TestClock CLOCK = ApplicationPeriodJourneyTestSupport.CLOCK;

    @Autowired
    MockMvc mvc;

    String body(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The count shown beside a facet value on /programs, e.g. 受付中（1件）. */
    long facetCount(String page, String id) {
        String label = Jsoup.parse(page).select("label[for=" + id + "] .tsn-facet-count").text();
        return Long.parseLong(label.replaceAll("\\D", ""));
    }

    /** Waits (at most 15 s) until the page answers as expected: the index follows the clock on its 2 s schedule. */
    String waitFor(String url, Predicate<String> ready) throws Exception {
        long until = System.nanoTime() + 15_000_000_000L;
        String page = body(url);
        while (!ready.test(page) && System.nanoTime() < until) {
            Thread.sleep(200);
            page = body(url);
        }
        return page;
    }

    MockHttpServletRequestBuilder editForm(Map<String, String> changes) throws Exception {
        Document edit = Jsoup.parse(mvc.perform(get("/admin/programs/7/edit").with(user("office").roles("EDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        FormElement form = edit.select("form[action$=/admin/programs/7]").forms().get(0);
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.putIfAbsent(kv.key(), kv.value()));
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = post("/admin/programs/7").with(user("office").roles("EDITOR")).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void morioka_yell_bin_opens_shows_everywhere_closes_then_ends() throws Exception {
        assertThat(body("/programs/7")).contains("受付期間は、まだ登録されていません。");
        assertThat(facetCount(body("/programs"), "accepting-now")).isZero();

        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("application.method", "申込書を郵送するか、申込フォームから申し込む");
        changes.put("application.applyUrl", "https://www.city.morioka.iwate.jp/yell");
        changes.put("application.contactDepartment", "盛岡市 市長公室");
        changes.put("application.contactPhone", "019-651-4111");
        changes.put("endYear", "2026");
        changes.put("endMonth", "12");
        changes.put("periods[0].start", "2026-11-01");
        changes.put("periods[0].end", "2026-10-15");
        changes.put("action", "publish");
        MockHttpServletResponse refused = mvc.perform(editForm(changes)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        String errorPage = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(errorPage).contains("href=\"#periods-0-end\"").contains("受付終了日は受付開始日と同じか、それより後にしてください。")
                .contains("value=\"2026-10-15\"").contains("申込書を郵送するか");

        changes.put("periods[0].end", "2026-12-15");
        assertThat(mvc.perform(editForm(changes)).andReturn().getResponse().getStatus()).isEqualTo(302);

        String page = body("/programs/7");
        assertThat(page).contains("申込書を郵送するか、申込フォームから申し込む").contains("href=\"tel:019-651-4111\"")
                .contains("data-acceptance=\"now\"").contains(">2026年12月15日まで<")
                .contains("2026年11月1日～2026年12月15日").contains("2026年12月まで");
        String list = body("/programs");
        assertThat(facetCount(list, "accepting-now")).isEqualTo(1);
        assertThat(body("/programs?accepting=now")).contains("もりおかエール便").contains("1件の施策");
        assertThat(Jsoup.parse(body("/programs?sort=deadline")).select(".tsn-card__title").first().text())
                .isEqualTo("もりおかエール便");
        String feed = body("/programs.atom?category=gifts&pref=03");
        assertThat(feed).contains("<title type=\"text\">もりおかエール便</title>").contains("受付期間を登録")
                .contains("申込方法を登録").contains("終了時期を登録");
        assertThat(body("/api/v1/programs/7")).contains("\"acceptance\":\"now\"")
                .contains("\"periods\":[{\"start\":\"2026-11-01\",\"end\":\"2026-12-15\",\"yearly\":false}]")
                .contains("\"phone\":\"019-651-4111\"");
        assertThat(body("/api/v1/programs?accepting=now")).contains("\"total\":1,");
        assertThat(body("/programs.csv?pref=03")).contains("2026-11-01/2026-12-15").contains("019-651-4111");
        assertThat(comparedAcceptance()).as("the comparison's dated facts, as of today")
                .isEqualTo("受付中（2026年12月15日まで） 未登録");
        assertThat(body("/compare?id=7&id=5")).contains("受付状況と適用期間は2026年12月1日現在")
                .contains("2026年11月1日～2026年12月15日");

        CLOCK.set(Instant.parse("2026-12-16T01:00:00Z"));
        list = waitFor("/programs", p -> facetCount(p, "accepting-closed") == 1);
        assertThat(facetCount(list, "accepting-now")).isZero();
        assertThat(facetCount(list, "accepting-closed")).isEqualTo(1);
        assertThat(body("/programs/7")).contains("data-acceptance=\"closed\"").contains("受付終了");
        assertThat(body("/api/v1/programs/7")).contains("\"acceptance\":\"closed\"");
        assertThat(comparedAcceptance()).startsWith("受付終了");
        assertThat(body("/compare?id=7&id=5")).contains("受付状況と適用期間は2026年12月16日現在");

        CLOCK.set(Instant.parse("2027-01-01T01:00:00Z"));
        list = waitFor("/programs", p -> p.contains("14件の施策"));
        assertThat(list).contains("14件の施策").doesNotContain("もりおかエール便");
        assertThat(body("/programs?ended=include")).contains("15件の施策").contains("もりおかエール便");
        assertThat(body("/categories/gifts")).contains("この種類の施策（3件）").doesNotContain("もりおかエール便");
        String home = body("/");
        assertThat(home).contains("すべての施策を一覧で見る（14件）");
        assertThat(Jsoup.parse(home).select("a[href=/categories/gifts] + .tsn-count").text())
                .as("the home page's count leaves the ended program out, as the category page does").isEqualTo("3件");
        assertThat(comparedAcceptance()).startsWith("終了");
        assertThat(body("/programs/7")).contains("data-acceptance=\"ended\"")
                .contains("この施策は終了しています。記録のため掲載を続けています。");
    }

    /** The 受付状況 row of the comparison of もりおかエール便 (7) with ふるさと南部からのエール便 (5), cell by cell. */
    private String comparedAcceptance() throws Exception {
        return Jsoup.parse(body("/compare?id=7&id=5")).select(".tsn-compare__table tr[data-fact=ACCEPTANCE] td").text();
    }
}
