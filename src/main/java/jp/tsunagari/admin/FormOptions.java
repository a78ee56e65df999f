package jp.tsunagari.admin;

import java.util.List;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.FormErrors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the program form offers to choose from, and the model of the form page. */
@Component
class FormOptions {

    private final CategoryEditor categories;
    private final Places places;

    private final ProgramReview review;
    private final jp.tsunagari.catalogue.Freshness freshness;

    FormOptions(CategoryEditor categories, Places places, ProgramReview review,
                jp.tsunagari.catalogue.Freshness freshness) {
        this.categories = categories;
        this.places = places;
        this.review = review;
        this.freshness = freshness;
    }

    String page(Model model, ProgramForm form, FormErrors errors, ProgramEditor.Editable program) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("program", program);
        model.addAttribute("reviewStatus", program == null ? null : review.status(program.id()).orElse(null));
        model.addAttribute("reviewComments", program == null ? List.of() : review.comments(program.id()));
        model.addAttribute("freshness", program == null ? null
                : freshness.state(program.assuredOn(), freshness.today()).name());
        model.addAttribute("reconfirmAfterMonths", freshness.settings().reconfirmAfter().toTotalMonths());
        model.addAttribute("noticeAfterMonths", freshness.settings().noticeAfter().toTotalMonths());
        model.addAttribute("categories", categories.all());
        model.addAttribute("prefectures", places.prefectures());
        model.addAttribute("municipalities", places.municipalitiesWithPrefecture());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("lifecycles", Lifecycle.values());
        model.addAttribute("criterionTypes", CriterionType.values());
        model.addAttribute("strengths", Strength.values());
        model.addAttribute("subjects", Subject.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("applicants", Applicant.values());
        return "admin/program-form";
    }
}
