package jp.tsunagari.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /compare on the seeded catalogue: 1 Jimoto TOCHIGI, 3 くまらバ and 4 もどかご！ are SNS programs on LINE (those rows
 * the same), organized by different prefectures; 7 もりおかエール便 is a delivery program of 盛岡市.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComparePageTest {

    @Autowired
    MockMvc mvc;

    Document page(String url, int status) throws Exception {
        String html = mvc.perform(get(url)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    static Element row(Document d, String fact) {
        return d.selectFirst(".tsn-compare__table tr[data-fact=" + fact + "]");
    }

    static List<String> columnNames(Document d) {
        return d.select(".tsn-compare__table thead th[scope=col] > a[lang=ja]").eachText();
    }

    @Test
    void threeProgramsSideBySideWithTheSameRowsMarked() throws Exception {
        Document d = page("/compare?id=1&id=3&id=4", 200);
        assertThat(columnNames(d)).containsExactly("Jimoto TOCHIGI", "くまらバ", "もどかご！");
        assertThat(d.select(".tsn-compare__table thead th[scope=col] > a[lang=ja]").eachAttr("href"))
                .containsExactly("/programs/1", "/programs/3", "/programs/4");
        assertThat(d.select(".tsn-compare__table tbody th[scope=row]")).hasSize(12);
        Element category = row(d, "CATEGORY");
        assertThat(category.attr("data-same")).isEqualTo("true");
        assertThat(category.selectFirst("th .tsn-compare__same").text()).startsWith("同じ")
                .contains("すべての施策で同じ");
        assertThat(category.select("td").eachText()).containsExactly("SNS", "SNS", "SNS");
        assertThat(row(d, "CHANNEL").attr("data-same")).isEqualTo("true");
        Element organizer = row(d, "ORGANIZER");
        assertThat(organizer.attr("data-same")).isEqualTo("false");
        assertThat(organizer.select(".tsn-compare__same")).isEmpty();
        assertThat(organizer.select("td").eachText()).containsExactly("栃木県", "熊本県", "鹿児島県");
        assertThat(row(d, "METRICS").text()).contains("2025年3月4日現在");
        assertThat(row(d, "ELIGIBILITY_SOURCE").select("td").first().attr("lang")).isEqualTo("ja");
        assertThat(d.select("th[scope=row]").eachText().subList(0, 3))
                .containsExactly("取組の種類 同じ（比較しているすべての施策で同じ内容）", "実施主体・地域", "目的・内容");
        assertThat(d.select(".tsn-compare__narrow section")).hasSize(3);
        assertThat(d.select(".tsn-compare__narrow section").first().select("dt")).hasSize(12);
    }

    @Test
    void eachProgramCanBeRemovedAndTheListKeepsTheSelection() throws Exception {
        Document d = page("/compare?id=1&id=3&id=4", 200);
        assertThat(d.select(".tsn-compare__table thead a.tsn-compare__remove").eachAttr("href"))
                .containsExactly("/compare?id=3&id=4", "/compare?id=1&id=4", "/compare?id=1&id=3");
        assertThat(d.select(".tsn-compare__actions a").eachAttr("href"))
                .containsExactly("/programs?compare=1&compare=3&compare=4", "/compare.csv?id=1&id=3&id=4");
        assertThat(d.select("title").text()).startsWith("施策の比較");
        assertThat(d.select(".tsn-error-summary")).isEmpty();
    }

    @Test
    void twoAndFourPrograms() throws Exception {
        Document two = page("/compare?id=7&id=1", 200);
        assertThat(columnNames(two)).containsExactly("もりおかエール便", "Jimoto TOCHIGI");
        assertThat(row(two, "CATEGORY").attr("data-same")).isEqualTo("false");
        assertThat(row(two, "ORGANIZER").select("td").first().text()).isEqualTo("岩手県 盛岡市（032018）");
        Document four = page("/compare?id=1&id=3&id=4&id=7", 200);
        assertThat(columnNames(four)).hasSize(4);
        assertThat(four.select(".tsn-compare__actions a").eachText()).noneMatch(t -> t.contains("さらに追加"));
    }

    @Test
    void badUnknownRepeatedAndTooManyIdsAreNamedAndTheRestCompared() throws Exception {
        Document bad = page("/compare?id=1&id=<b>x&id=3&id=1", 400);
        assertThat(bad.select("title").text()).startsWith("エラー");
        assertThat(bad.select(".tsn-error-summary li").eachText())
                .containsExactly("「<b>x」は施策の番号ではないため、比較に含めていません。");
        assertThat(columnNames(bad)).containsExactly("Jimoto TOCHIGI", "くまらバ");

        Document unknown = page("/compare?id=1&id=99999&id=3", 200);
        assertThat(unknown.select(".tsn-error-summary li").eachText()).containsExactly(
                "番号 99999 の施策は公開されていないため（番号の誤り、または掲載終了）、比較に含めていません。");
        assertThat(columnNames(unknown)).containsExactly("Jimoto TOCHIGI", "くまらバ");
        assertThat(unknown.select(".tsn-compare__actions a").first().attr("href"))
                .isEqualTo("/programs?compare=1&compare=3");

        Document many = page("/compare?id=1&id=3&id=4&id=7&id=9&id=12", 400);
        assertThat(many.select(".tsn-error-summary li").eachText())
                .containsExactly("比較できるのは4件までです。最初の4件を比較し、残りの2件は外しました。");
        assertThat(columnNames(many)).hasSize(4);
    }

    @Test
    void noneOrOneProgramSaysHowToAddPrograms() throws Exception {
        Document none = page("/compare", 200);
        assertThat(none.select("[data-compare-empty]").text()).contains("比較に追加").contains("施策一覧から選ぶ");
        assertThat(none.select(".tsn-compare__table")).isEmpty();
        Document one = page("/compare?id=3", 200);
        assertThat(one.select("[data-compare-empty] a").eachAttr("href"))
                .containsExactly("/programs/3?compare=3", "/programs?compare=3");
        assertThat(one.select("[data-compare-empty]").text()).contains("くまらバ");
    }

    @Test
    void inEnglish() throws Exception {
        Document d = page("/compare?id=1&id=3&lang=en", 200);
        assertThat(d.select("h1").text()).isEqualTo("Compare programs");
        assertThat(row(d, "CATEGORY").selectFirst("th").text()).startsWith("Type of program Same");
        assertThat(row(d, "ORGANIZER").select("td").eachText()).containsExactly("Tochigi", "Kumamoto");
        assertThat(row(d, "CHANNEL").select("td").first().text()).isEqualTo("LINE official account");
        Document bad = page("/compare?id=x&id=1&lang=en", 400);
        assertThat(bad.select(".tsn-error-summary li").eachText())
                .containsExactly("\"x\" is not a program number, so it is not compared.");
    }

    @Test
    void theCsvHasOneColumnPerProgramAndABom() throws Exception {
        var response = mvc.perform(get("/compare.csv?id=1&id=3")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"項目\",\"Jimoto TOCHIGI\",\"くまらバ\",\"すべて同じ\"\r\n");
        assertThat(csv).contains("\"施策のページ\",\"http").contains("/programs/1\",").contains("/programs/3\",\"\"\r\n");
        assertThat(csv).contains("\"取組の種類\",\"SNS\",\"SNS\",\"同じ\"\r\n");
        assertThat(csv).contains("\"実施主体・地域\",\"栃木県\",\"熊本県\",\"\"\r\n");
        assertThat(csv.split("\r\n(?=\")")).hasSize(2 + 12);
        String english = mvc.perform(get("/compare.csv?id=1&id=3&lang=en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("\"Type of program\",\"Social media\",\"Social media\",\"Same\"\r\n");
        mvc.perform(get("/compare.csv?id=abc&id=1")).andExpect(status().isBadRequest());
        String none = mvc.perform(get("/compare.csv?id=99999")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("\"title\":\"比較に使えない指定がありました\"").contains("公開中の施策");
    }
}
