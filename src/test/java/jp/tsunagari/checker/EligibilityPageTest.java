package jp.tsunagari.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** /eligibility as users see it: the personas, reasons in words, bad answers kept with a message. */
@SpringBootTest
@AutoConfigureMockMvc
class EligibilityPageTest {

    @Autowired
    MockMvc mvc;

    /** The part of the page for one verdict (between its summary and the next). */
    static String section(String html, String verdict) {
        int start = html.indexOf("data-verdict=\"" + verdict + "\"");
        int end = html.indexOf("data-verdict=", start + 20);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void aStudentFromMoriokaLivingInTokyo() throws Exception {
        String html = mvc.perform(get("/eligibility").param("age", "22").param("hometown", "盛岡市")
                        .param("residence", "東京都").param("school", "university").param("grade", "4")
                        .param("familyHome", "032018").param("applicant", "self"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section(html, "eligible")).contains("もりおかエール便")
                .contains("居住地: 岩手県の外に住んでいる（日本国内に限る） — 東京都在住のため該当")
                .contains("年齢: 15歳以上25歳以下 — 22歳のため該当");
        assertThat(section(html, "notEligible")).contains("Jimoto TOCHIGI").contains("出身: 栃木県の出身 — 盛岡市出身のため対象外");
        assertThat(section(html, "check")).contains("ネオ県人会");
        assertThat(html).contains("value=\"盛岡市\"").contains("value=\"東京都\"");
    }

    @Test
    void thirtySixYearOldsFromTochigiAreTooOldForJimotoTochigi() throws Exception {
        String html = mvc.perform(get("/eligibility").param("age", "36").param("hometown", "栃木県").param("residence", "13"))
                .andReturn().getResponse().getContentAsString();
        assertThat(section(html, "notEligible")).contains("Jimoto TOCHIGI").contains("年齢: 35歳以下 — 36歳のため対象外");
    }

    @Test
    void badAnswersAre400WithMessagesAndKeepWhatWasTyped() throws Exception {
        String html = mvc.perform(get("/eligibility").param("age", "二十二").param("hometown", "どこでもない町")
                        .param("school", "kosen").param("grade", "6").param("groupSize", "3").param("groupYoung", "5"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<title>エラー: ").contains("href=\"#age\"").contains("href=\"#hometown\"")
                .contains("この学校の学年は5年までです。").contains("49歳以下の人数は、団体の人数以下にしてください。")
                .contains("value=\"二十二\"").contains("value=\"どこでもない町\"");
    }

    @Test
    void anEmptyFormShowsNoResults() throws Exception {
        String html = mvc.perform(get("/eligibility")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>あなたが使える施策</h1>").doesNotContain("data-verdict");
    }

    @Test
    void englishReasons() throws Exception {
        String html = mvc.perform(get("/eligibility").param("age", "26").param("residence", "13").param("lang", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Age: aged 15 to 25 — you are 26, so not eligible");
    }
}
