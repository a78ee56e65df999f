package jp.tsunagari.catalogue;

import java.util.Locale;
import jp.tsunagari.catalogue.internal.CatalogueOverview;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.TileMap;
import jp.tsunagari.system.HeadMeta;
import jp.tsunagari.system.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}: what the catalogue is, its source, the categories, the regions and the programs. */
@Controller
class HomeController {

    private final CatalogueOverview overview;
    private final ProgramFinder finder;
    private final Places places;
    private final PublicUrls urls;
    private final MessageSource messages;

    HomeController(CatalogueOverview overview, ProgramFinder finder, Places places, PublicUrls urls,
                   MessageSource messages) {
        this.overview = overview;
        this.finder = finder;
        this.places = places;
        this.urls = urls;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(@RequestParam(name = CompareSelection.PARAMETER, required = false) java.util.List<String> compare,
                Model model, Locale locale) {
        model.addAttribute("headMeta", HeadMeta.of(urls.absolute("/"), null,
                messages.getMessage("home.lead", null, locale)));
        model.addAttribute("map", TileMap.of(places.prefectures(), finder.countByPrefecture(),
                code -> "/programs?pref=" + code, locale));
        model.addAttribute("source", overview.source());
        model.addAttribute("categories", overview.categoriesWithCounts());
        model.addAttribute("regions", overview.regionsWithCounts());
        model.addAttribute("results", finder.find(ProgramQuery.all()));
        model.addAttribute("compareLinks", new CompareLinks(CompareSelection.of(compare), "/"));
        return "catalogue/home";
    }
}
