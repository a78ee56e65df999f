package jp.tsunagari.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.place.Region;
import jp.tsunagari.place.TileMap;
import jp.tsunagari.system.JapanTime;
import org.springframework.context.MessageSource;

/**
 * What the page draws from the figures, in the page's language: each chart's geometry, its text alternative (the
 * main finding in words) and its table. Plain Java; the words come from the messages.
 */
public final class ChartViews {

    private static final DateTimeFormatter JA_MONTH = DateTimeFormatter.ofPattern("uuuu年M月", Locale.JAPANESE);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

    /** Category × region: the stacked bars, the regions (series, in order) and the finding. */
    public record CategoryRegionView(BarChart chart, List<Region> regions, Figures.CategoryRegion figures, String finding) {
    }

    /** The tile map and the prefectures with their counts, largest first, and the finding. */
    public record PrefectureView(TileMap map, List<PrefectureCount> counts, String finding) {
    }

    public record PrefectureCount(Prefecture prefecture, long count) {
    }

    /** One reach chart: a label, unit and as-of date, its bars, its title and finding. */
    public record ReachView(Figures.ReachGroup group, BarChart chart, String title, String finding) {
    }

    /** New and changed programs per month: the grouped bars, the months and the finding. */
    public record MonthView(BarChart chart, List<MonthlyChanges.Month> months, MonthlyChanges.Counted counted,
                     String finding) {
    }

    private final MessageSource messages;
    private final Locale locale;

    ChartViews(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    CategoryRegionView categoryRegion(Figures.CategoryRegion f, List<Region> regions) {
        List<BarChart.Item> items = new ArrayList<>();
        String bestCategory = null;
        String bestPair = null;
        long bestTotal = 0;
        long bestCell = 0;
        for (Category c : f.categories()) {
            List<Long> values = regions.stream().map(r -> f.cell(c.code(), r.code())).toList();
            List<String> texts = regions.stream().map(r -> msg("statistics.segment", r.name(locale),
                    f.cell(c.code(), r.code()))).toList();
            long total = f.totals().getOrDefault(c.code(), 0L);
            items.add(new BarChart.Item(msg("statistics.categoryRegion.row", c.name(locale), total), values, texts));
            if (total > bestTotal) {
                bestTotal = total;
                bestCategory = c.name(locale);
            }
            for (Region r : regions) {
                if (f.cell(c.code(), r.code()) > bestCell) {
                    bestCell = f.cell(c.code(), r.code());
                    bestPair = msg("statistics.pair", c.name(locale), r.name(locale));
                }
            }
        }
        List<String> totals = f.categories().stream().map(c -> "").toList();
        String finding = bestCategory == null ? msg("statistics.none")
                : msg("statistics.categoryRegion.finding", bestCategory, bestTotal, bestPair, bestCell);
        return new CategoryRegionView(BarChart.stacked(items, totals), regions, f, finding);
    }

    PrefectureView prefectures(List<Prefecture> prefectures, Map<String, Long> counts) {
        TileMap map = TileMap.of(prefectures, counts, code -> "/programs?pref=" + code, locale);
        List<PrefectureCount> list = prefectures.stream()
                .map(p -> new PrefectureCount(p, counts.getOrDefault(p.code(), 0L))).toList();
        PrefectureCount best = list.stream().filter(p -> p.count() > 0)
                .max((a, b) -> Long.compare(a.count(), b.count())).orElse(null);
        long without = list.stream().filter(p -> p.count() == 0).count();
        String finding = best == null ? msg("statistics.none")
                : msg("statistics.prefectures.finding", best.prefecture().name(locale), best.count(), without);
        return new PrefectureView(map, list, finding);
    }

    /** Most reach charts drawn: the groups with the most programs; the rest are in the CSV and counted in words. */
    public static final int REACH_CHARTS = 3;

    /** How many reach figures are left out of the charts (they differ in label, unit or date from those drawn). */
    static long reachNotDrawn(List<Figures.ReachGroup> groups) {
        return groups.stream().skip(REACH_CHARTS).mapToLong(g -> g.items().size()).sum();
    }

    List<ReachView> reach(List<Figures.ReachGroup> groups) {
        List<ReachView> views = new ArrayList<>();
        for (Figures.ReachGroup g : groups.subList(0, Math.min(REACH_CHARTS, groups.size()))) {
            String label = english() ? g.labelEn() : g.labelJa();
            String unit = unit(g.unitJa());
            List<BarChart.Item> items = g.items().stream().map(r -> new BarChart.Item(
                    msg("statistics.reach.row", r.card().name(), r.card().organizerName(locale)),
                    List.of(r.metric().value()), List.of(msg("statistics.reach.value", r.metric().value(), unit))))
                    .toList();
            Figures.Reach top = g.items().getFirst();
            String asOf = JapanTime.format(g.asOf(), locale);
            views.add(new ReachView(g, BarChart.grouped(items),
                    msg("statistics.reach.title", label, asOf, g.items().size()),
                    msg("statistics.reach.finding", label, asOf, top.card().name(),
                            top.card().organizerName(locale), top.metric().value(), unit, g.items().size())));
        }
        return views;
    }

    MonthView months(MonthlyChanges.Counted counted) {
        List<BarChart.Item> items = counted.months().stream().map(m -> new BarChart.Item(month(m.month()),
                List.of(m.created(), m.changed()), List.of(msg("statistics.months.created", m.created()),
                        msg("statistics.months.changed", m.changed())))).toList();
        long created = counted.months().stream().mapToLong(MonthlyChanges.Month::created).sum();
        long changed = counted.months().stream().mapToLong(MonthlyChanges.Month::changed).sum();
        MonthlyChanges.Month busiest = counted.months().stream()
                .max((a, b) -> Long.compare(a.created() + a.changed(), b.created() + b.changed())).orElseThrow();
        String finding = created + changed == 0 ? msg("statistics.months.none", MonthlyChanges.MONTHS)
                : msg("statistics.months.finding", MonthlyChanges.MONTHS, created, changed, month(busiest.month()),
                        busiest.created(), busiest.changed());
        return new MonthView(BarChart.grouped(items), counted.months(), counted, finding);
    }

    public String month(YearMonth month) {
        return month.format(english() ? EN_MONTH : JA_MONTH);
    }

    public String date(LocalDate day) {
        return JapanTime.format(day, locale);
    }

    /** The unit in the page's language: 名 is "people" in English (the only unit the sources give). */
    private String unit(String unitJa) {
        return english() && "名".equals(unitJa) ? msg("statistics.unit.people") : unitJa;
    }

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
