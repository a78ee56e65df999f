package jp.tsunagari.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The chart geometry and the words of the text alternatives, without Spring. */
class BarChartTest {

    static BarChart.Item item(String label, long... values) {
        List<Long> v = java.util.Arrays.stream(values).boxed().toList();
        return new BarChart.Item(label, v, v.stream().map(n -> n + "件").toList());
    }

    @Test
    void groupedBarsAreProportionalToTheLargestValue() {
        BarChart chart = BarChart.grouped(List.of(item("A", 50), item("B", 200), item("C", 0), item("D", 1)));
        List<BarChart.Bar> bars = chart.rows().stream().map(r -> r.bars().getFirst()).toList();
        assertThat(bars.get(1).width()).isEqualTo(BarChart.PLOT);
        assertThat(bars.get(0).width()).isCloseTo(BarChart.PLOT / 4.0, within(0.1));
        assertThat(bars.get(2).width()).isZero();
        assertThat(bars.get(3).width()).isCloseTo(BarChart.PLOT / 200.0, within(0.1));
        assertThat(bars).extracting(BarChart.Bar::text).containsExactly("50件", "200件", "0件", "1件");
        assertThat(bars).allSatisfy(b -> assertThat(b.textX()).isEqualTo(b.width() + 6));
        assertThat(chart.rows()).extracting(BarChart.Row::label).containsExactly("A", "B", "C", "D");
        assertThat(chart.rows().get(1).labelY()).isLessThan(bars.get(1).y());
        assertThat(chart.height()).isGreaterThanOrEqualTo((int) (bars.get(3).y() + BarChart.BAR));
    }

    @Test
    void groupedSeriesSitUnderTheirLabelOneBelowTheOther() {
        BarChart chart = BarChart.grouped(List.of(item("2026年1月", 3, 6)));
        List<BarChart.Bar> bars = chart.rows().getFirst().bars();
        assertThat(bars).extracting(BarChart.Bar::series).containsExactly(0, 1);
        assertThat(bars.get(1).y()).isEqualTo(bars.get(0).y() + BarChart.BAR + BarChart.GAP);
        assertThat(bars.get(1).width()).isEqualTo(2 * bars.get(0).width());
    }

    @Test
    void stackedSegmentsFollowEachOtherAndCarryTheirTextOnlyWhenItFits() {
        BarChart chart = BarChart.stacked(List.of(item("SNS", 30, 0, 10, 60), item("gifts", 50)), List.of("", "50"));
        List<BarChart.Bar> segments = chart.rows().getFirst().bars();
        assertThat(segments).extracting(BarChart.Bar::series).containsExactly(0, 2, 3, -1);
        assertThat(segments.get(2).x() + segments.get(2).width()).isCloseTo(BarChart.PLOT, within(0.2));
        assertThat(segments.get(1).x()).isCloseTo(segments.get(0).width(), within(0.1));
        assertThat(segments.get(0).inside()).isTrue();
        assertThat(segments.get(0).text()).isEqualTo("30件");
        assertThat(segments.get(1).width()).isCloseTo(BarChart.PLOT / 10.0, within(0.1));
        assertThat(segments.get(1).text()).as("32 px is too narrow for 「10件」 and its margins").isEmpty();
        BarChart.Bar total = chart.rows().get(1).bars().getLast();
        assertThat(total.text()).isEqualTo("50");
        assertThat(total.x()).isCloseTo(BarChart.PLOT / 2.0, within(0.2));
    }

    @Test
    void anEmptyChartHasNoLengthsAndAViewBox() {
        BarChart chart = BarChart.grouped(List.of(item("A", 0)));
        assertThat(chart.rows().getFirst().bars().getFirst().width()).isZero();
        assertThat(chart.viewBox()).startsWith("0 0 " + BarChart.WIDTH + " ");
        assertThat(BarChart.grouped(List.of()).viewBox()).isEqualTo("0 0 " + BarChart.WIDTH + " 1");
    }

    static ChartViews views(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ChartViews(messages, locale);
    }

    @Test
    void theMonthsFindingNamesTheTotalsAndTheBusiestMonth() {
        YearMonth m = YearMonth.of(2026, 11);
        MonthlyChanges.Counted counted = new MonthlyChanges.Counted(List.of(
                new MonthlyChanges.Month(m.minusMonths(1), 2, 1), new MonthlyChanges.Month(m, 1, 1234)),
                java.time.Instant.EPOCH, 0);
        assertThat(views(Locale.JAPANESE).months(counted).finding()).isEqualTo("直近12か月に新たに公開された施策は3件、"
                + "内容が変わった施策は月ごとの合計で1,235件です。最も多かったのは2026年11月（新規1件、変更1,234件）です。");
        assertThat(views(Locale.ENGLISH).months(counted).finding()).contains("The busiest month was Nov 2026 (1 new, 1,234 changed)");
        MonthlyChanges.Counted none = new MonthlyChanges.Counted(List.of(new MonthlyChanges.Month(m, 0, 0)),
                java.time.Instant.EPOCH, 0);
        assertThat(views(Locale.JAPANESE).months(none).finding()).isEqualTo("直近12か月に新たに公開された施策、内容が変わった施策はありません。");
    }

    @Test
    void theReachTitleCarriesTheDateAndTheValuesTheirUnit() {
        assertThat(views(Locale.JAPANESE).date(LocalDate.of(2025, 3, 4))).isEqualTo("2025年3月4日");
        assertThat(views(Locale.JAPANESE).reach(List.of())).isEmpty();
    }
}
