package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.Localized;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.Text;
import jp.tsunagari.system.Typed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/places}: find any of the 47 prefectures and 1,918 municipalities and wards by code, name, reading or
 * English name (also the lookup for the program form's local-government fields), and correct their names.
 */
@Controller
class PlaceAdminController {

    private static final int LIMIT = 50;

    private final Places places;
    private final MessageSource messages;
    private final SpringValidatorAdapter validator;

    PlaceAdminController(Places places, MessageSource messages, Validator validator) {
        this.places = places;
        this.messages = messages;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** Validation group of a prefecture's names (the columns are shorter, and the English name is required). */
    interface OfPrefecture {
    }

    /** Validation group of a municipality's names. */
    interface OfMunicipality {
    }

    static final String KANA = "\\p{javaWhitespace}*[\\u3041-\\u309F\\u30FC]*\\p{javaWhitespace}*";

    /** The names as typed; the limits are the columns' sizes, which depend on the kind of place (the group). */
    record PlaceForm(
            @Text(max = 10, required = true, groups = OfPrefecture.class)
            @Text(max = 30, required = true, groups = OfMunicipality.class) String nameJa,
            @Text(max = 20, required = true, groups = OfPrefecture.class)
            @Text(max = 60, required = true, groups = OfMunicipality.class)
            @Pattern(regexp = KANA, message = "{admin.error.kana}", groups = {OfPrefecture.class, OfMunicipality.class})
            String nameKana,
            @Text(max = 20, required = true, groups = OfPrefecture.class)
            @Text(max = 60, groups = OfMunicipality.class) String nameEn) {
    }

    record Place(String code, String nameJa, String nameKana, String nameEn, String context) implements Localized {
    }

    @GetMapping("/admin/places")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String text = q.length() > 50 ? q.substring(0, 50) : q;
        model.addAttribute("q", text);
        model.addAttribute("prefectures", text.isBlank() ? places.prefectures() : places.prefectures().stream()
                .filter(p -> p.code().equals(text) || p.nameJa().contains(text) || p.nameKana().contains(text)
                        || p.nameEn().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("municipalities", places.searchMunicipalities(text, LIMIT));
        model.addAttribute("limit", LIMIT);
        return "admin/places";
    }

    @GetMapping("/admin/places/{code}")
    String edit(@PathVariable String code, Model model) {
        Place place = place(code);
        return page(model, place, new PlaceForm(place.nameJa(), place.nameKana(), place.nameEn()), new FormErrors());
    }

    @PostMapping("/admin/places/{code}")
    String save(@PathVariable String code, @ModelAttribute("form") PlaceForm form, BindingResult checked, Model model,
                HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Place place = place(code);
        validator.validate(form, checked, code.length() == 2 ? OfPrefecture.class : OfMunicipality.class);
        if (checked.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, place, form, FormErrors.of(checked));
        }
        String ja = Typed.clean(form.nameJa());
        String en = Typed.clean(form.nameEn());
        places.rename(code, ja, Typed.clean(form.nameKana()), en.isEmpty() ? null : en);
        redirect.addFlashAttribute("message", messages.getMessage("admin.places.saved", new Object[] {ja}, locale));
        return "redirect:/admin/places?q=" + code;
    }

    private String page(Model model, Place place, PlaceForm form, FormErrors errors) {
        model.addAttribute("place", place);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/place";
    }

    private Place place(String code) {
        if (code.length() == 2) {
            return places.prefecture(code).map(p -> new Place(p.code(), p.nameJa(), p.nameKana(), p.nameEn(), p.region().nameJa()))
                    .orElseThrow(() -> new NotFoundException("prefecture " + code));
        }
        return places.municipality(code)
                .map(m -> new Place(m.lgCode(), m.nameJa(), m.nameKana(), m.nameEn(), m.type()))
                .orElseThrow(() -> new NotFoundException("place " + code));
    }
}
