package jp.tsunagari.catalogue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: what the catalogue is, its source, the categories, the regions and the programs. */
@Controller
class HomeController {

    private final CatalogueOverview overview;
    private final ProgramFinder finder;

    HomeController(CatalogueOverview overview, ProgramFinder finder) {
        this.overview = overview;
        this.finder = finder;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("source", overview.source());
        model.addAttribute("categories", overview.categoriesWithCounts());
        model.addAttribute("regions", overview.regionsWithCounts());
        model.addAttribute("results", finder.find(ProgramQuery.all()));
        return "catalogue/home";
    }
}
