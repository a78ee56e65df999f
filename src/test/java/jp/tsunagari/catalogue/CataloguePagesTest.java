package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tsunagari.catalogue.internal.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application on the real migrations: every one of the 15 programs is reachable and its page shows
 * every fact of the source; entry pages list and count them; errors are pages, never stack traces.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CataloguePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    /** As Thymeleaf escapes text: only the five characters that are markup. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Facts of a program as stored, each expected (HTML-escaped) on its page. */
    record Facts(long id, List<String> texts) {
        @Override
        public String toString() {
            return "program " + id;
        }
    }

    Stream<Facts> programs() {
        return tx.execute(s -> em.createQuery("select p from Program p order by p.id", Program.class).getResultList().stream()
                .map(p -> {
                    List<String> texts = new java.util.ArrayList<>();
                    texts.add(p.name());
                    texts.add(p.category().nameJa());
                    if (p.hasOrganizer()) {
                        texts.add(p.organizerPrefecture().nameJa());
                    }
                    if (p.organizerMunicipality() != null) {
                        texts.add(p.organizerMunicipality().nameJa());
                        texts.add(p.organizerMunicipality().lgCode());
                    }
                    p.sections().forEach(sec -> {
                        if (sec.heading() != null) {
                            texts.add(sec.heading());
                        }
                        sec.items().forEach(i -> texts.add(i.text()));
                    });
                    texts.addAll(p.eligibilityLines());
                    p.metrics().forEach(m -> {
                        texts.add(m.labelJa());
                        texts.add(String.format("%,d%s", m.value(), m.unitJa()));
                        texts.add("2025年3月4日現在");
                    });
                    p.examples().forEach(e -> {
                        texts.add(e.name());
                        texts.add(e.description());
                        texts.add(e.prefecture().nameJa());
                    });
                    p.dataNotes().forEach(n -> texts.add(n.noteJa()));
                    p.targetGroups().forEach(g -> {
                        texts.add(g.label());
                        g.criteria().forEach(c -> texts.add(c.sourceText()));
                    });
                    if (p.start() != null) {
                        texts.add(p.start().getYear() + "年" + p.start().getMonthValue() + "月～");
                    }
                    if (p.event() != null) {
                        texts.add(p.event().getYear() + "年" + p.event().getMonthValue() + "月実施");
                    }
                    if (p.benefit() != null) {
                        texts.add(p.benefit());
                    }
                    texts.add(p.sourceSection());
                    return new Facts(p.id(), texts);
                }).toList()).stream();
    }

    @ParameterizedTest
    @MethodSource("programs")
    void everyProgramPageShowsEveryFactOfTheSource(Facts facts) throws Exception {
        String page = html("/programs/" + facts.id());
        assertThat(facts.texts()).allSatisfy(text -> assertThat(page).contains(escaped(text)));
        assertThat(page).contains("<title>").contains("aria-current=\"page\"").contains("<main id=\"main\"");
    }

    @Test
    void everyProgramIsLinkedFromTheHomePage() throws Exception {
        String home = html("/");
        Matcher m = Pattern.compile("href=\"/programs/(\\d+)\"").matcher(home);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(15);
        assertThat(home).contains("自治体出身者に対し、移住・就職・イベント等の情報をSNSで発信する取組。")
                .contains("href=\"/categories/alumni-exchange\"").contains("2025年3月4日");
    }

    @Test
    void categoryPagesListTheirPrograms() throws Exception {
        assertThat(html("/categories/gifts")).contains("もりおかエール便").contains("ひたちなか学生エール便～ネモフィラBOX～")
                .contains("地元産品の贈り物").doesNotContain("Jimoto TOCHIGI");
        assertThat(html("/categories/other")).contains("とっとりへ ウェルカニネットワーク").contains("I&#39;m Your Home.");
    }

    @Test
    void prefecturesPageCountsEveryPrefectureAndLinksOnlyThoseWithPrograms() throws Exception {
        String page = html("/prefectures");
        assertThat(Pattern.compile("data-pref=\"\\d\\d\"").matcher(page).results().count()).isEqualTo(47);
        assertThat(page).contains("href=\"/programs?pref=02\"").doesNotContain("href=\"/programs?pref=13\"")
                .contains("東京都").contains("九州・沖縄");
    }

    @Test
    void listFiltersByPrefectureIncludingExampleGroups() throws Exception {
        String page = html("/programs?pref=02");
        assertThat(page).contains("3件の施策").contains("ふるさと南部からのエール便").contains("五戸まちづくりワールドカフェ")
                .contains("ネオ県人会").doesNotContain("もりおかエール便");
        assertThat(html("/programs?category=gifts&region=tohoku")).contains("3件の施策");
    }

    @Test
    void unknownEntriesAre404PagesInTheLayout() throws Exception {
        for (String url : List.of("/programs/999", "/programs/abc", "/programs/-1", "/categories/unknown", "/no/such/page")) {
            String body = mvc.perform(get(url)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(url).contains("ページが見つかりません").contains("<main id=\"main\"").doesNotContain("Exception");
        }
    }

    @Test
    void malformedListParametersAre400WithTheFormKept() throws Exception {
        String body = mvc.perform(get("/programs?pref=99&region=tohoku&page=zero&sort=bogus"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("<title>エラー: 施策一覧").contains("role=\"alert\"")
                .contains("「都道府県」の値「99」は使えません").contains("href=\"#filter-pref\"")
                .contains("ページ番号「zero」は使えません").contains("「並び順」の値「bogus」は使えません")
                .containsPattern("id=\"region-tohoku\"[^>]*checked")
                .contains("5件の施策");
    }

    @Test
    void englishIsOneParameterAwayAndRemembered() throws Exception {
        var result = mvc.perform(get("/programs/7?lang=en")).andExpect(status().isOk()).andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("<html lang=\"en\"").contains("Eligibility").contains("aged 15 to 25")
                .contains("lives outside Iwate (within Japan only)").contains("もりおかエール便");
        var cookie = result.getResponse().getCookie("catalogue-lang");
        assertThat(cookie).isNotNull();
        String again = mvc.perform(get("/").cookie(cookie)).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Connection Programs Catalogue").contains("href=\"/?lang=ja\"");
    }
}
