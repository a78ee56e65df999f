package jp.tsunagari.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /statistics on the seed (the shared test database, read only): every table, text alternative and CSV equals the
 * counts of {@link Expected}; the reach chart is the seed's LINE 友だち数 as of 2025年3月4日 with its note; English;
 * the home page links the page; an unknown file is a 404 page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void tablesTextAlternativesAndFilesAgreeWithTheSeed() throws Exception {
        Document page = StatisticsChecks.page(mvc);
        Expected expected = new Expected(jdbc, clock);
        StatisticsChecks.categoryRegion(page, StatisticsChecks.csv(mvc, "category-region"), expected);
        StatisticsChecks.prefectures(page, StatisticsChecks.csv(mvc, "prefectures"), expected);
        StatisticsChecks.reach(page, StatisticsChecks.csv(mvc, "reach"), expected);
        StatisticsChecks.months(page, StatisticsChecks.csv(mvc, "months"), expected);
        assertThat(page.select("svg[role=img]")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(svg -> assertThat(svg.attr("aria-labelledby")).isNotBlank());
        assertThat(page.select("figure figcaption")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.select("table caption")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theReachChartIsTheSeedsLineFriendsAsOfTheirDate() throws Exception {
        Document page = StatisticsChecks.page(mvc);
        assertThat(page.select("svg[data-chart^=reach]")).hasSize(1);
        assertThat(page.getElementById("reach-0-title").text()).isEqualTo("LINE友だち数（2025年3月4日現在、4件）");
        assertThat(page.getElementById("reach-0-desc").text()).startsWith("2025年3月4日現在のLINE友だち数が最も多いのは")
                .contains("5,390名");
        assertThat(page.select("svg[data-chart=reach-0] text.tsn-chart__value").eachText())
                .containsExactly("5,390名", "5,218名", "3,081名", "1,997名");
        assertThat(page.text()).contains("自己申告").contains("人口あたりの値ではない");
    }

    @Test
    void englishWithLangEn() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/statistics?lang=en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.selectFirst("h1").text()).isEqualTo("The catalogue in charts");
        assertThat(page.getElementById("reach-0-title").text()).isEqualTo("LINE friends (as of 4 March 2025, 4 programs)");
        assertThat(page.select("svg[data-chart=reach-0] text.tsn-chart__value").eachText()).first()
                .isEqualTo("5,390 people");
    }

    @Test
    void theHomePageLinksItAndAnUnknownFileIsNotFound() throws Exception {
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(home).select("a[href=/statistics]")).hasSize(1);
        mvc.perform(get("/statistics/nothing.csv")).andExpect(status().isNotFound());
    }
}
