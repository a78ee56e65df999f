package jp.tsunagari.admin;

import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.catalogue.StaffProgramList;
import jp.tsunagari.linkcheck.BrokenLinks;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.PageLinks;
import jp.tsunagari.system.StaffScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin}: every program with its status, last editor and last change; search, filters, sort, pages; the counts
 * of reviews and broken links.
 */
@Controller
class AdminHomeController {

    private final StaffProgramList list;
    private final CategoryEditor categories;
    private final Places places;

    private final ProgramReview review;
    private final BrokenLinks brokenLinks;
    private final jp.tsunagari.catalogue.Freshness freshness;

    /** How many of the programs due for re-confirmation the home page lists (the rest are behind the filter). */
    static final int DUE_LISTED = 5;

    AdminHomeController(StaffProgramList list, CategoryEditor categories, Places places, ProgramReview review,
                        BrokenLinks brokenLinks, jp.tsunagari.catalogue.Freshness freshness) {
        this.freshness = freshness;
        this.review = review;
        this.brokenLinks = brokenLinks;
        this.list = list;
        this.categories = categories;
        this.places = places;
    }

    @GetMapping("/admin")
    String programs(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String category,
                    @RequestParam(defaultValue = "") String pref, @RequestParam(defaultValue = "") String status,
                    @RequestParam(defaultValue = "UPDATED") String sort, @RequestParam(defaultValue = "1") String page,
                    Model model, Authentication user) {
        StaffScope scope = StaffScope.of(user);
        String cat = categories.find(category).isPresent() ? category : "";
        String prefecture = places.prefecture(pref).isPresent() ? pref : "";
        String st = switch (status) {
            case "PUBLISHED", "DRAFT", "PENDING", "DUE", "UNCONFIRMED", "OVERDUE" -> status;
            default -> "";
        };
        StaffProgramList.Sort order = switch (sort) {
            case "NAME" -> StaffProgramList.Sort.NAME;
            case "ID" -> StaffProgramList.Sort.ID;
            case "ASSURED" -> StaffProgramList.Sort.ASSURED;
            default -> StaffProgramList.Sort.UPDATED;
        };
        int pageNumber = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        String text = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("results", list.find(new StaffProgramList.Query(text, cat, prefecture, st, order, pageNumber,
                scope.office() ? null : scope.organizationCode())));
        model.addAttribute("q", text);
        model.addAttribute("reviewCounts", review.counts(scope.office() ? null : scope.organizationCode()));
        model.addAttribute("brokenLinks", brokenLinks.count(scope));
        model.addAttribute("due", list.find(new StaffProgramList.Query("", "", "", "DUE", StaffProgramList.Sort.ASSURED,
                1, scope.office() ? null : scope.organizationCode())));
        model.addAttribute("dueListed", DUE_LISTED);
        model.addAttribute("freshness", freshness);
        model.addAttribute("category", cat);
        model.addAttribute("pref", prefecture);
        model.addAttribute("status", st);
        model.addAttribute("sort", order.name());
        model.addAttribute("pageLinks", PageLinks.of("/admin", "q", text, "category", cat, "pref", prefecture,
                "status", st, "sort", order.name()));
        model.addAttribute("categories", categories.all());
        model.addAttribute("prefectures", places.prefectures());
        return "admin/programs";
    }
}
