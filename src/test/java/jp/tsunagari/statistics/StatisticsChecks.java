package jp.tsunagari.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsunagari.opendata.Csv;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.MockMvc;

/** What both statistics tests check: the page's tables, SVG text alternatives and CSV files against {@link Expected}. */
final class StatisticsChecks {

    private StatisticsChecks() {
    }

    static Document page(MockMvc mvc) throws Exception {
        return Jsoup.parse(mvc.perform(get("/statistics")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The file's records after its header; asserts the BOM. */
    static List<CSVRecord> csv(MockMvc mvc, String name) throws Exception {
        String body = mvc.perform(get("/statistics/" + name + ".csv")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body.charAt(0)).isEqualTo(Csv.BOM);
        List<CSVRecord> records = Csv.FORMAT.parse(new StringReader(body.substring(1))).getRecords();
        return records.subList(1, records.size());
    }

    static long number(Element cell) {
        return Long.parseLong(cell.text().replace(",", ""));
    }

    static void categoryRegion(Document page, List<CSVRecord> csv, Expected expected) {
        Map<String, Long> totals = expected.categories();
        Map<String, Map<String, Long>> cells = expected.categoryRegions();
        List<Element> rows = page.select("tr[data-category]");
        assertThat(rows).hasSizeGreaterThan(0).hasSize(csv.size());
        long best = 0;
        for (int i = 0; i < rows.size(); i++) {
            String category = rows.get(i).attr("data-category");
            assertThat(csv.get(i).get(0)).isEqualTo(category);
            List<Element> tds = rows.get(i).select("td");
            for (int r = 0; r < tds.size(); r++) {
                String region = tds.get(r).attr("data-region");
                long want = "total".equals(region) ? totals.getOrDefault(category, 0L)
                        : cells.getOrDefault(category, Map.of()).getOrDefault(region, 0L);
                assertThat(number(tds.get(r))).as(category + " × " + region).isEqualTo(want);
                assertThat(Long.parseLong(csv.get(i).get(2 + r))).as("CSV " + category + " × " + region).isEqualTo(want);
                best = "total".equals(region) ? best : Math.max(best, want);
            }
        }
        long top = totals.values().stream().mapToLong(Long::longValue).max().orElse(0);
        String desc = page.getElementById("category-region-desc").text();
        assertThat(desc).contains("（" + String.format("%,d", top) + "件）").contains("（" + String.format("%,d", best) + "件）");
        assertThat(page.selectFirst("svg[data-chart=category-region]").attr("role")).isEqualTo("img");
        assertThat(page.selectFirst("svg[data-chart=category-region]").attr("aria-labelledby"))
                .isEqualTo("category-region-title category-region-desc");
    }

    static void prefectures(Document page, List<CSVRecord> csv, Expected expected) {
        Map<String, Long> counts = expected.prefectures();
        List<Element> rows = page.select("tr[data-pref]");
        assertThat(rows).hasSize(47);
        assertThat(csv).hasSize(47);
        for (int i = 0; i < rows.size(); i++) {
            String code = rows.get(i).attr("data-pref");
            long want = counts.getOrDefault(code, 0L);
            assertThat(number(rows.get(i).selectFirst("td"))).as(code).isEqualTo(want);
            assertThat(csv.get(i).get(0)).isEqualTo(code);
            assertThat(Long.parseLong(csv.get(i).get(2))).as("CSV " + code).isEqualTo(want);
            assertThat(page.selectFirst("g[data-pref=" + code + "]").attr("data-count")).isEqualTo(Long.toString(want));
        }
        Map.Entry<String, Long> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        assertThat(page.getElementById("prefectures-desc").text())
                .contains("（" + String.format("%,d", top.getValue()) + "件）");
    }

    /**
     * The reach tables and the CSV: the programs and values of the first {@code top} by reach; the CSV has them all,
     * the charts' tables those of at most {@link ChartViews#REACH_CHARTS} groups, and the page counts the rest.
     */
    static void reach(Document page, List<CSVRecord> csv, Expected expected) {
        Map<Long, Long> want = new HashMap<>();
        expected.reach(Figures.TOP).forEach(w -> want.put(w[0], w[1]));
        Map<Long, Long> shown = new HashMap<>();
        page.select("tr[data-program]").forEach(tr -> shown.put(Long.parseLong(tr.attr("data-program")),
                number(tr.selectFirst("td.tsn-num"))));
        shown.forEach((id, value) -> assertThat(value).as("program " + id).isEqualTo(want.get(id)));
        assertThat(csv).hasSize(want.size());
        csv.forEach(r -> assertThat(Long.parseLong(r.get(4))).as("CSV " + r.get(0)).isEqualTo(want.get(Long.parseLong(r.get(0)))));
        for (Element figure : page.select("figure[data-as-of]")) {
            List<String> kinds = figure.select("tr[data-program]").stream()
                    .map(tr -> expected.reachKind(Long.parseLong(tr.attr("data-program")))).distinct().toList();
            assertThat(kinds).as("one label, unit and date per chart").hasSize(1);
            assertThat(kinds.getFirst()).endsWith(figure.attr("data-as-of"));
        }
        long notDrawn = want.size() - shown.size();
        assertThat(page.select("svg[data-chart^=reach]")).hasSizeLessThanOrEqualTo(ChartViews.REACH_CHARTS);
        if (notDrawn > 0) {
            assertThat(page.text()).contains("ほかに" + notDrawn + "件の数値は");
        } else {
            assertThat(page.text()).doesNotContain("CSVにだけ含めています");
        }
    }

    static void months(Document page, List<CSVRecord> csv, Expected expected) {
        Map<YearMonth, long[]> want = expected.months();
        List<Element> rows = page.select("tr[data-month]");
        assertThat(rows).hasSize(MonthlyChanges.MONTHS);
        assertThat(csv).hasSize(MonthlyChanges.MONTHS);
        for (int i = 0; i < rows.size(); i++) {
            YearMonth month = YearMonth.parse(rows.get(i).attr("data-month"));
            long[] w = want.getOrDefault(month, new long[2]);
            List<Element> tds = rows.get(i).select("td");
            assertThat(new long[] {number(tds.get(0)), number(tds.get(1))}).as(month.toString()).containsExactly(w);
            assertThat(csv.get(i).get(0)).isEqualTo(month.toString());
            assertThat(new long[] {Long.parseLong(csv.get(i).get(1)), Long.parseLong(csv.get(i).get(2))}).containsExactly(w);
        }
    }
}
