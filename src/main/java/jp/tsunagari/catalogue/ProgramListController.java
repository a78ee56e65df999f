package jp.tsunagari.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /programs}: the one GET form with the filters and the results. Invalid values answer 400 with an error
 * summary, the form as sent, and the results of the valid filters.
 */
@Controller
class ProgramListController {

    private final ProgramFinder finder;
    private final ProgramFilters filters;
    private final Categories categories;
    private final Places places;

    ProgramListController(ProgramFinder finder, ProgramFilters filters, Categories categories, Places places) {
        this.finder = finder;
        this.filters = filters;
        this.categories = categories;
        this.places = places;
    }

    @GetMapping("/programs")
    String list(@ModelAttribute("form") ProgramFilterForm form, Model model, HttpServletResponse response) {
        ProgramFilters.Parsed parsed = filters.parse(form);
        if (parsed.hasProblems()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("query", parsed.query());
        model.addAttribute("results", finder.find(parsed.query()));
        List<Category> allCategories = categories.findAllByOrderByNumber();
        model.addAttribute("links", new ListLinks("/programs", parsed.query(), false, (field, value) -> switch (field) {
            case "category" -> allCategories.stream().filter(c -> c.code().equals(value)).findFirst().orElse(null);
            case "region" -> places.region(value).orElse(null);
            case "pref" -> places.prefecture(value).orElse(null);
            default -> null;
        }));
        model.addAttribute("categories", allCategories);
        model.addAttribute("openRegions", parsed.query().prefectures().stream()
                .map(code -> places.prefecture(code).map(p -> p.region().code()).orElse(""))
                .collect(Collectors.toSet()));
        model.addAttribute("regions", places.regions());
        model.addAttribute("prefecturesByRegion", places.prefecturesByRegion());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("sorts", ProgramSort.values());
        return "catalogue/programs";
    }
}
