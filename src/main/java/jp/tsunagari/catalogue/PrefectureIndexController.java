package jp.tsunagari.catalogue;

import jp.tsunagari.catalogue.internal.CatalogueOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /prefectures}: all 47 prefectures grouped by the 8 regions, with the number of programs of each. */
@Controller
class PrefectureIndexController {

    private final CatalogueOverview overview;

    PrefectureIndexController(CatalogueOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/prefectures")
    String prefectures(Model model) {
        model.addAttribute("regions", overview.prefecturesByRegion());
        return "catalogue/prefectures";
    }
}
