package jp.tsunagari.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Region;
import jp.tsunagari.system.HeadMeta;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /statistics}: the catalogue in four charts, each with its table; {@code /statistics/NAME.csv}: a table. */
@Controller
class StatisticsController {

    static final List<String> FILES = List.of("category-region", "prefectures", "reach", "months");

    private final Figures figures;
    private final MonthlyChanges monthly;
    private final Places places;
    private final StatisticsCsv csv;
    private final PublicUrls urls;
    private final MessageSource messages;
    private final Clock clock;

    StatisticsController(Figures figures, MonthlyChanges monthly, Places places, StatisticsCsv csv, PublicUrls urls,
                         MessageSource messages, Clock clock) {
        this.figures = figures;
        this.monthly = monthly;
        this.places = places;
        this.csv = csv;
        this.urls = urls;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String statistics(Model model, Locale locale) {
        ChartViews views = new ChartViews(messages, locale);
        List<Region> regions = places.regions();
        model.addAttribute("headMeta", HeadMeta.of(urls.absolute("/statistics"),
                messages.getMessage("statistics.title", null, locale),
                messages.getMessage("statistics.lead", null, locale)));
        model.addAttribute("categoryRegion", views.categoryRegion(figures.categoryRegion(), regions));
        model.addAttribute("prefectures", views.prefectures(places.prefectures(), figures.prefectures()));
        List<Figures.ReachGroup> reach = figures.reach();
        model.addAttribute("reach", views.reach(reach));
        model.addAttribute("reachNotDrawn", ChartViews.reachNotDrawn(reach));
        model.addAttribute("reachTop", Figures.TOP);
        model.addAttribute("months", views.months(monthly.months()));
        model.addAttribute("views", views);
        model.addAttribute("today", JapanTime.today(clock));
        return "statistics/statistics";
    }

    @GetMapping("/statistics/{name}.csv")
    void file(@PathVariable String name, HttpServletResponse response) throws IOException {
        List<List<String>> rows = switch (name) {
            case "category-region" -> csv.categoryRegion(figures.categoryRegion(), places.regions());
            case "prefectures" -> csv.prefectures(places.prefectures(), figures.prefectures());
            case "reach" -> csv.reach(figures.reach(), urls.base());
            case "months" -> csv.months(monthly.months());
            default -> throw new NotFoundException("statistics file " + name);
        };
        csv.write(response, name, rows);
    }
}
