package jp.tsunagari.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /eligibility as users see it: the personas, the result first (answers in short, counts, 該当 then 要確認,
 * 非該当 only on request), filters with counts per verdict, reasons in words, bad answers kept with a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EligibilityPageTest {

    static final String STUDENT = "/eligibility?age=22&hometown=%E7%9B%9B%E5%B2%A1%E5%B8%82&residence=%E6%9D%B1%E4%BA%AC%E9%83%BD"
            + "&school=university&grade=4&familyHome=032018&applicant=self";

    @Autowired
    MockMvc mvc;

    /** The part of the page for one verdict (between its start and the next). */
    static String section(String html, String verdict) {
        int start = html.indexOf("data-verdict=\"" + verdict + "\"");
        assertThat(start).as("section " + verdict).isNotNegative();
        int end = html.indexOf("data-verdict=", start + 20);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theResultLeadsWithTheAnswersAndCountsThenEligibleThenToBeConfirmed() throws Exception {
        String html = page(get(java.net.URI.create(STUDENT)), 200);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("h1").text()).isEqualTo("あなたが使える施策の結果");
        assertThat(doc.select("[data-answer=hometown] dd").text()).isEqualTo("盛岡市");
        assertThat(doc.select("[data-answer=residence] dd").text()).isEqualTo("東京都");
        assertThat(doc.select("[data-answer=groupSize]")).isEmpty();
        assertThat(doc.select(".tsn-checker__answers .tsn-hint").text()).startsWith("未回答: 団体の人数、そのうち49歳以下の人数");
        assertThat(section(html, "eligible")).contains("もりおかエール便")
                .contains("居住地: 岩手県の外に住んでいる（日本国内に限る） — 東京都在住のため該当")
                .contains("年齢: 15歳以上25歳以下 — 22歳のため該当");
        assertThat(section(html, "check")).contains("ネオ県人会");
        // 非該当 is a count and a link, never the programs themselves.
        String notEligible = section(html, "notEligible");
        assertThat(notEligible).doesNotContain("Jimoto TOCHIGI").contains("verdict=not-eligible");
        long eligible = doc.select("[data-verdict=eligible] .tsn-card").size();
        long check = doc.select("[data-verdict=check] .tsn-card").size();
        assertThat(doc.select("[data-verdict-count=eligible]").text()).isEqualTo("該当（" + eligible + "件）");
        assertThat(doc.select("[data-verdict-count=check]").text()).isEqualTo("要確認（" + check + "件）");
        assertThat(doc.select("[data-verdict-count=notEligible]").text()).isEqualTo("非該当（" + (15 - eligible - check) + "件）");
        // The answers stay in the filter form and in every link.
        assertThat(doc.select("form.tsn-finder input[type=hidden][name=hometown]").val()).isEqualTo("盛岡市");
    }

    @Test
    void notEligibleProgramsAreAPagedListOnRequestWithReasons() throws Exception {
        String html = page(get(java.net.URI.create(STUDENT + "&verdict=not-eligible")), 200);
        assertThat(section(html, "notEligible")).contains("Jimoto TOCHIGI").contains("出身: 栃木県の出身 — 盛岡市出身のため対象外");
        assertThat(html).doesNotContain("data-verdict=\"eligible\"");
        String beyond = page(get(java.net.URI.create(STUDENT + "&verdict=not-eligible&page=2")), 200);
        assertThat(beyond).contains("このページには施策がありません。");
    }

    @Test
    void changeYourAnswersReturnsToTheFormWithEveryAnswerKept() throws Exception {
        Document result = Jsoup.parse(page(get(java.net.URI.create(STUDENT)), 200));
        String edit = result.select("a:contains(条件を変更)").attr("href");
        assertThat(edit).contains("edit=true");
        Document form = Jsoup.parse(page(get(java.net.URI.create(edit)), 200));
        assertThat(form.select("#hometown").val()).isEqualTo("盛岡市");
        assertThat(form.select("#residence").val()).isEqualTo("東京都");
        assertThat(form.select("#age").val()).isEqualTo("22");
        assertThat(form.select("#school option[selected]").val()).isEqualTo("university");
        assertThat(form.select("#applicant-self").hasAttr("checked")).isTrue();
        assertThat(form.select("[data-verdict]")).isEmpty();
    }

    @Test
    void filtersNarrowTheListsAndCountPerVerdict() throws Exception {
        Document doc = Jsoup.parse(page(get(java.net.URI.create(STUDENT + "&category=gifts")), 200));
        assertThat(doc.select("[data-verdict=eligible] .tsn-card__title").eachText()).contains("もりおかエール便");
        assertThat(doc.select(".tsn-card__title").eachText()).doesNotContain("ネオ県人会");
        assertThat(doc.select("#category-gifts").hasAttr("checked")).isTrue();
        // A category's counts are what choosing it gives: gifts has もりおかエール便 among its 該当.
        assertThat(doc.select("label[for=category-gifts] .tsn-facet-count").text()).startsWith("該当 ");
        assertThat(doc.select("label[for=category-alumni-exchange] .tsn-facet-count").text()).contains("該当 0");
        String tohoku = doc.select("label[for=pref-03] .tsn-facet-count").text();
        assertThat(tohoku).startsWith("該当 1");
        assertThat(doc.select(".tsn-applied__tag").text()).contains("地元産品等の贈り物");
    }

    @Test
    void thirtySixYearOldsFromTochigiAreTooOldForJimotoTochigi() throws Exception {
        String html = page(get("/eligibility").param("age", "36").param("hometown", "栃木県").param("residence", "13")
                .param("verdict", "not-eligible"), 200);
        assertThat(section(html, "notEligible")).contains("Jimoto TOCHIGI").contains("年齢: 35歳以下 — 36歳のため対象外");
    }

    @Test
    void aPrefecturesOwnLocalGovernmentCodeIsAccepted() throws Exception {
        String html = page(get("/eligibility").param("hometown", "430005"), 200);
        assertThat(Jsoup.parse(html).select("[data-answer=hometown] dd").text()).isEqualTo("熊本県");
        assertThat(section(html, "eligible")).contains("出身: 熊本県の出身 — 熊本県出身のため該当");
        assertThat(Jsoup.parse(page(get("/eligibility").param("residence", "130001"), 200))
                .select("[data-answer=residence] dd").text()).isEqualTo("東京都");
    }

    @Test
    void badAnswersAre400WithMessagesAndKeepWhatWasTyped() throws Exception {
        String html = page(get("/eligibility").param("age", "二十二").param("hometown", "どこでもない町")
                .param("school", "kosen").param("grade", "6").param("groupSize", "3").param("groupYoung", "5"), 400);
        assertThat(html).contains("<title>エラー: ").contains("href=\"#age\"").contains("href=\"#hometown\"")
                .contains("この学校の学年は5年までです。").contains("49歳以下の人数は、団体の人数以下にしてください。")
                .contains("value=\"二十二\"").contains("value=\"どこでもない町\"").doesNotContain("data-verdict");
    }

    @Test
    void anEmptyFormShowsNoResultsAndSubmittingNothingSaysWhatToAnswer() throws Exception {
        String first = page(get("/eligibility"), 200);
        assertThat(first).contains("<h1>あなたが使える施策</h1>").doesNotContain("data-verdict").doesNotContain("tsn-error-summary");
        String nothing = page(get("/eligibility?age=&hometown=&residence=&school=&grade=&familyHome=&applicant=&groupSize=&groupYoung="), 400);
        assertThat(nothing).contains("<title>エラー: ").contains("少なくとも1つの項目に答えてください。")
                .contains("href=\"#age\"").doesNotContain("data-verdict");
    }

    @Test
    void unusableListParametersAre400AndTheRestApplies() throws Exception {
        String html = page(get(java.net.URI.create(STUDENT + "&verdict=maybe&category=nothing&page=9999")), 400);
        assertThat(html).contains("「maybe」は結果の種類として使えません").contains("一覧は500ページ目までです。")
                .contains("data-verdict=\"eligible\"").contains("もりおかエール便");
    }

    @Test
    void englishReasons() throws Exception {
        String html = page(get("/eligibility").param("age", "26").param("residence", "13").param("verdict", "not-eligible")
                .param("lang", "en"), 200);
        assertThat(html).contains("Age: aged 15 to 25 — you are 26, so not eligible").contains("Your answers");
    }
}
