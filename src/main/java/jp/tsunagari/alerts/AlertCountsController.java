package jp.tsunagari.alerts;

import java.util.Locale;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.place.Places;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/alerts} (the office: EDITOR and ADMIN): how many people follow which categories and prefectures by
 * e-mail — counts only, as of the digest job's last count; no address is ever shown to staff.
 */
@Controller
class AlertCountsController {

    private final AlertTally tally;
    private final CategoryEditor categories;
    private final Places places;

    AlertCountsController(AlertTally tally, CategoryEditor categories, Places places) {
        this.tally = tally;
        this.categories = categories;
        this.places = places;
    }

    /** A row of a count table: the name and the number. */
    record Row(String name, long n) {
    }

    @GetMapping("/admin/alerts")
    String counts(Model model, Locale locale) {
        AlertTally.Counts counts = tally.read();
        model.addAttribute("counts", counts);
        model.addAttribute("categories", categories.all().stream()
                .map(c -> new Row(c.name(locale), counts.of("category", c.code()))).toList());
        model.addAttribute("prefectures", places.prefectures().stream()
                .map(p -> new Row(p.name(locale), counts.of("pref", p.code()))).toList());
        return "alerts/counts";
    }
}
