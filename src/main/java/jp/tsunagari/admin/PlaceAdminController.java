package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.Localized;
import jp.tsunagari.system.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

    PlaceAdminController(Places places, MessageSource messages) {
        this.places = places;
        this.messages = messages;
    }

    record PlaceForm(String nameJa, String nameKana, String nameEn) {
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
    String save(@PathVariable String code, @ModelAttribute PlaceForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect, Locale locale) {
        Place place = place(code);
        FormReader in = new FormReader(new FormErrors());
        // The columns' sizes: prefecture names are shorter than municipality names.
        boolean prefecture = code.length() == 2;
        String ja = in.required("nameJa", form.nameJa(), prefecture ? 10 : 30);
        String kana = in.required("nameKana", form.nameKana(), prefecture ? 20 : 60);
        if (!kana.isEmpty() && !kana.matches("[\\u3041-\\u309F\\u30FC]+")) {
            in.errors().add("nameKana", "admin.error.kana");
        }
        String en = in.optional("nameEn", form.nameEn(), prefecture ? 20 : 60);
        if (prefecture && en == null) {
            in.errors().add("nameEn", "admin.error.required");
        }
        if (!in.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, place, form, in.errors());
        }
        places.rename(code, ja, kana, en);
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
