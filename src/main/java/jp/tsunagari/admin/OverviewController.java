package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.Maintainers;
import jp.tsunagari.needs.UnmetNeeds;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.TileMap;
import jp.tsunagari.system.StaffScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/overview}: the catalogue at a glance — published programs per prefecture and category (a table with
 * a heat scale, and the tile map), the municipalities without a program per region (the office's only), programs by
 * the age of their 最終確認日 with the lists to confirm, reviews waiting by age; each table also as a CSV file
 * ({@code /admin/overview/*.csv}, {@link OverviewCsv}). The office sees every program; an organization editor the
 * programs its organization maintains. The office also sees the unmet needs ({@link NeedsTable}: searches that found
 * nothing, checker answers without 該当 by hometown prefecture), counted without tracking anyone.
 */
@Controller
class OverviewController {

    private final Overview overview;
    private final OverviewCsv csv;
    private final Places places;
    private final Maintainers maintainers;
    private final UnmetNeeds needs;

    OverviewController(Overview overview, OverviewCsv csv, Places places, Maintainers maintainers, UnmetNeeds needs) {
        this.needs = needs;
        this.overview = overview;
        this.csv = csv;
        this.places = places;
        this.maintainers = maintainers;
    }

    @GetMapping("/admin/overview")
    String page(Model model, Authentication user, Locale locale) {
        StaffScope scope = StaffScope.of(user);
        CoverageTable coverage = overview.coverage(scope, locale);
        Map<String, Long> perPrefecture = new LinkedHashMap<>();
        coverage.rows().forEach(r -> perPrefecture.put(r.code(), r.total()));
        model.addAttribute("coverage", coverage);
        model.addAttribute("map", TileMap.of(places.prefectures(), perPrefecture,
                code -> "/admin?pref=" + code + "&status=PUBLISHED", locale));
        model.addAttribute("gaps", scope.office() ? overview.gaps(locale) : null);
        model.addAttribute("followUp", overview.followUp(scope));
        model.addAttribute("needs", scope.office() ? NeedsTable.of(needs, places.prefectures(), locale) : null);
        model.addAttribute("organizationName", scope.office() ? null
                : maintainers.name(scope.organizationCode()).map(n -> n.name(locale)).orElse(""));
        return "admin/overview";
    }

    @GetMapping("/admin/overview/coverage.csv")
    void coverage(HttpServletResponse response, Authentication user) throws IOException {
        csv.write(response, "coverage", csv.coverage(overview.coverage(StaffScope.of(user), Locale.JAPANESE)));
    }

    /** Office only (staff.SecurityConfig). */
    @GetMapping("/admin/overview/regions.csv")
    void regions(HttpServletResponse response) throws IOException {
        csv.write(response, "regions", csv.regions(overview.gaps(Locale.JAPANESE)));
    }

    /** Office only (staff.SecurityConfig). */
    @GetMapping("/admin/overview/municipalities.csv")
    void municipalities(HttpServletResponse response) throws IOException {
        csv.write(response, "municipalities", csv.municipalities(overview.gaps(Locale.JAPANESE)));
    }

    /** Office only (staff.SecurityConfig). */
    @GetMapping("/admin/overview/searches.csv")
    void searches(HttpServletResponse response) throws IOException {
        csv.write(response, "searches", csv.searches(NeedsTable.of(needs, places.prefectures(), Locale.JAPANESE)));
    }

    /** Office only (staff.SecurityConfig). */
    @GetMapping("/admin/overview/checker.csv")
    void checker(HttpServletResponse response) throws IOException {
        csv.write(response, "checker", csv.checker(NeedsTable.of(needs, places.prefectures(), Locale.JAPANESE)));
    }

    @GetMapping("/admin/overview/freshness.csv")
    void freshness(HttpServletResponse response, Authentication user) throws IOException {
        csv.write(response, "freshness", csv.freshness(overview.followUp(StaffScope.of(user))));
    }

    @GetMapping("/admin/overview/attention.csv")
    void attention(HttpServletResponse response, Authentication user) throws IOException {
        csv.write(response, "attention", csv.attention(overview.followUp(StaffScope.of(user))));
    }

    @GetMapping("/admin/overview/reviews.csv")
    void reviews(HttpServletResponse response, Authentication user) throws IOException {
        csv.write(response, "reviews", csv.reviews(overview.followUp(StaffScope.of(user))));
    }
}
