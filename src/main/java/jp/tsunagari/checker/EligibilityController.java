package jp.tsunagari.checker;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.catalogue.CompareLinks;
import jp.tsunagari.catalogue.CompareSelection;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.needs.UnmetNeeds;
import jp.tsunagari.place.Places;
import jp.tsunagari.search.DiscoveryFilters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /eligibility}: 「あなたが使える施策」. A GET form (bookmarkable; nothing is stored or logged); once answered,
 * the page leads with the result — the answers in short with 「条件を変更」, the counts of 該当 / 要確認 / 非該当,
 * then the programs of one page, narrowed by category, region and prefecture. Answers with a hometown that find no
 * 該当 program are counted by the hometown's prefecture ({@link UnmetNeeds}), once per answering: on the results as
 * the form leads to them (no verdict's list, no filter), not on the pages and filters after.
 */
@Controller
class EligibilityController {

    private final ProfileReader reader;
    private final EligibilityResults results;
    private final CheckerPage page;
    private final DiscoveryFilters filters;
    private final Places places;
    private final UnmetNeeds needs;

    EligibilityController(ProfileReader reader, EligibilityResults results, CheckerPage page, DiscoveryFilters filters,
                          Places places, UnmetNeeds needs) {
        this.reader = reader;
        this.results = results;
        this.page = page;
        this.filters = filters;
        this.places = places;
        this.needs = needs;
    }

    @GetMapping("/eligibility")
    String check(@ModelAttribute("form") CheckerForm form,
                 @RequestParam(name = CompareSelection.PARAMETER, required = false) List<String> compare, Model model,
                 HttpServletResponse response, Locale locale) {
        CompareSelection selection = CompareSelection.of(compare);
        model.addAttribute("compareSelection", selection);
        ProfileReader.Read read = reader.read(form);
        if (form.wasSent() && form.isEmpty()) {
            read.errors().add("age", "checker.error.empty");
        }
        CheckerQuery query = CheckerQuery.parse(form, filters);
        boolean results = !form.isEmpty() && read.errors().isEmpty() && !"true".equals(form.edit());
        if (!read.errors().isEmpty() || results && !query.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("errors", read.errors());
        model.addAttribute("showResults", results);
        if (!results) {
            model.addAttribute("schools", SchoolType.values());
            model.addAttribute("prefectures", places.prefectures());
            model.addAttribute("municipalities", places.municipalitiesWithPrefecture());
            return "checker/eligibility";
        }
        EligibilityResults.Found found = this.results.find(read.profile(), query.filters(), query.slices(), locale);
        countIfNoneEligible(read.profile(), query, found);
        model.addAttribute("problems", query.problems());
        model.addAttribute("query", query);
        CheckerLinks links = new CheckerLinks(form, query, selection);
        model.addAttribute("links", links);
        model.addAttribute("compareLinks", new CompareLinks(selection, links.here()));
        model.addAttribute("answers", page.answers(read.profile(), found.placeNames(), locale));
        model.addAttribute("found", found);
        model.addAttribute("asOf", jp.tsunagari.system.JapanTime.format(read.profile().date(), locale));
        model.addAttribute("verdicts", CheckerQuery.Code.values());
        model.addAttribute("facets", page.options(query, found, locale));
        model.addAttribute("prefectureGroups", page.prefectures(query, found, locale));
        var listings = page.listings(query, found);
        model.addAttribute("listings", listings);
        model.addAttribute("pagination", query.verdict() == null ? null : listings.get(0).results());
        model.addAttribute("notEligible", found.total(Verdict.NOT_ELIGIBLE));
        return "checker/eligibility";
    }

    /**
     * The hometown's prefecture (a municipality's code begins with it), when the answers give one and the results as
     * the form leads to them — no verdict's list and no filter chosen — hold no 該当 (among the programs not ended).
     */
    private void countIfNoneEligible(Profile profile, CheckerQuery query, EligibilityResults.Found found) {
        boolean unfiltered = query.verdict() == null && query.problems().isEmpty()
                && query.filters().values().stream().allMatch(java.util.Set::isEmpty);
        if (unfiltered && profile.hometown() != null && found.total(Verdict.ELIGIBLE) == 0) {
            needs.checkerFoundNoEligible(profile.hometown().substring(0, 2));
        }
    }
}
