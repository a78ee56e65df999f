package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.system.JapanTime;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the overview page's tables (by caption id) and compares them with the model and with the CSV files. */
final class OverviewPageTables {

    /** Which table each CSV file holds (the municipalities' list is on no table of the page). */
    static final Map<String, String> CAPTIONS = Map.of("coverage", "coverage-caption", "regions", "gaps-caption",
            "freshness", "bands-caption", "attention", "lists-caption", "reviews", "reviews-caption",
            "searches", "searches-caption", "checker", "checker-caption");

    private OverviewPageTables() {
    }

    /** Every row of the table captioned {@code captionId} (head, body, foot), each cell's text; numbers without commas. */
    static List<List<String>> table(Document html, String captionId) {
        Element table = html.getElementById(captionId).parent();
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            rows.add(tr.children().stream().map(c -> plain(c.text())).toList());
        }
        return rows;
    }

    static String plain(String cell) {
        String t = cell.strip();
        return t.matches("[\\d,]+") ? t.replace(",", "") : t;
    }

    /** The page's tables show the model's figures; the tile map's tiles the coverage table's totals. */
    static void assertPageShows(Document html, Map<String, Object> model) {
        CoverageTable coverage = (CoverageTable) model.get("coverage");
        List<List<String>> cells = table(html, "coverage-caption");
        assertThat(cells).hasSize(1 + coverage.rows().size() + 2);
        for (int i = 0; i < coverage.rows().size(); i++) {
            CoverageTable.Row row = coverage.rows().get(i);
            List<String> expected = new ArrayList<>(List.of(row.name()));
            row.cells().forEach(c -> expected.add(Long.toString(c.count())));
            expected.add(Long.toString(row.total()));
            assertThat(cells.get(i + 1)).isEqualTo(expected);
            List<String> shades = html.getElementById("coverage-caption").parent().select("tbody tr").get(i)
                    .select("td[data-shade]").eachAttr("data-shade");
            assertThat(shades).isEqualTo(row.cells().stream().map(c -> Integer.toString(c.shade())).toList());
            String tile = row.name() + " " + row.total() + "件";
            assertThat(html.select("svg [aria-label=\"" + tile + "\"]")).as(tile).hasSize(1);
        }
        assertThat(cells.get(cells.size() - 1).get(cells.get(0).size() - 1))
                .isEqualTo(Long.toString(coverage.totals().total()));
        FollowUp f = (FollowUp) model.get("followUp");
        assertThat(column(table(html, "bands-caption"), 2)).containsExactlyElementsOf(
                numbers(f.bandRows().stream().map(FollowUp.Band::count).toList(), f.bands().total()));
        assertThat(column(table(html, "lists-caption"), 1)).containsExactlyElementsOf(
                numbers(f.lists().stream().map(FollowUp.Attention::count).toList(), null));
        assertThat(html.getElementById("lists-caption").parent().select("tbody th a").eachAttr("href"))
                .containsExactlyElementsOf(f.lists().stream().map(FollowUp.Attention::href).toList());
        assertThat(column(table(html, "reviews-caption"), 1)).containsExactlyElementsOf(
                numbers(f.reviews().stream().map(FollowUp.Age::count).toList(), null));
        MunicipalityGaps gaps = (MunicipalityGaps) model.get("gaps");
        if (gaps != null) {
            assertThat(column(table(html, "gaps-caption"), 2)).containsExactlyElementsOf(
                    numbers(gaps.regions().stream().map(MunicipalityGaps.RegionRow::without).toList(),
                            gaps.total().without()));
        }
    }

    /** A column below the header row. */
    static List<String> column(List<List<String>> rows, int index) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(index)).toList();
    }

    static List<String> numbers(List<Long> values, Long total) {
        List<String> out = new ArrayList<>(values.stream().map(n -> Long.toString(n)).toList());
        if (total != null) {
            out.add(Long.toString(total));
        }
        return out;
    }

    /** The CSV file at {@code href} holds the rows of its table on the page (codes, dates and URLs besides). */
    static void assertCsvHoldsTable(String href, List<List<String>> csv, Document html) {
        String name = href.replaceAll(".*/([a-z]+)\\.csv$", "$1");
        if (name.equals("municipalities")) {
            assertThat(csv.get(0)).hasSize(4);
            return;
        }
        List<List<String>> table = table(html, CAPTIONS.get(name));
        if (name.equals("searches")) {
            // the CSV's last two rows are the searches not kept (a sentence below the table); no search yet: the
            // table says so in one row, the CSV has only its header
            assertThat(csv.get(csv.size() - 2).get(0)).contains("個人情報");
            csv = csv.subList(0, csv.size() - 2);
            if (csv.size() == 1) {
                assertThat(table).hasSize(2);
                table = table.subList(0, 1);
            }
        }
        assertThat(csv).as(href).hasSize(table.size());
        for (int i = 0; i < csv.size(); i++) {
            List<String> row = csv.get(i);
            List<String> shown = table.get(i);
            List<String> expected = switch (name) {
                case "coverage", "regions", "checker" -> row.subList(1, row.size());
                case "freshness" -> List.of(row.get(0), shown.get(1), row.get(3));
                case "attention" -> row.subList(0, 2);
                default -> row;
            };
            assertThat(expected).as(href + " row " + i).isEqualTo(shown);
            if (name.equals("freshness") && i > 0) {
                for (String day : row.subList(1, 3)) {
                    assertThat(shown.get(1)).as("the page says the CSV's day " + day).contains(day.isEmpty() ? ""
                            : JapanTime.format(LocalDate.parse(day), Locale.JAPANESE));
                }
            }
        }
    }
}
