package jp.tsunagari.checker;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.place.Places;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /eligibility}: 「あなたが使える施策」. A GET form (bookmarkable; nothing is stored or logged) and, once
 * anything is answered, every published program as 該当, 要確認 or 非該当 with its reasons.
 */
@Controller
class EligibilityController {

    private final ProfileReader reader;
    private final EligibilityResults results;
    private final Places places;

    EligibilityController(ProfileReader reader, EligibilityResults results, Places places) {
        this.reader = reader;
        this.results = results;
        this.places = places;
    }

    @GetMapping("/eligibility")
    String check(@ModelAttribute("form") CheckerForm form, Model model, HttpServletResponse response, Locale locale) {
        ProfileReader.Read read = reader.read(form);
        if (!read.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("errors", read.errors());
        model.addAttribute("schools", SchoolType.values());
        model.addAttribute("prefectures", places.prefectures());
        model.addAttribute("municipalities", places.municipalitiesWithPrefecture());
        model.addAttribute("answered", !form.isEmpty());
        if (!form.isEmpty()) {
            List<EligibilityResults.Result> all = results.judge(read.profile(), locale);
            model.addAttribute("eligible", EligibilityResults.with(all, Verdict.ELIGIBLE));
            model.addAttribute("check", EligibilityResults.with(all, Verdict.CHECK));
            model.addAttribute("notEligible", EligibilityResults.with(all, Verdict.NOT_ELIGIBLE));
            model.addAttribute("date", read.profile().date());
        }
        return "checker/eligibility";
    }
}
