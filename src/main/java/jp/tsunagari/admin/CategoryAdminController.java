package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/categories}: names and descriptions of the five types of initiative (codes stay fixed). */
@Controller
class CategoryAdminController {

    private final CategoryEditor categories;
    private final MessageSource messages;

    CategoryAdminController(CategoryEditor categories, MessageSource messages) {
        this.categories = categories;
        this.messages = messages;
    }

    record CategoryForm(String nameJa, String nameEn, String descriptionJa, String descriptionEn) {
        static CategoryForm of(Category c) {
            return new CategoryForm(c.nameJa(), c.nameEn(), c.descriptionJa(), c.descriptionEn());
        }
    }

    @GetMapping("/admin/categories")
    String list(Model model) {
        model.addAttribute("categories", categories.all());
        return "admin/categories";
    }

    @GetMapping("/admin/categories/{code}")
    String edit(@PathVariable String code, Model model) {
        Category category = category(code);
        return page(model, category, CategoryForm.of(category), new FormErrors());
    }

    @PostMapping("/admin/categories/{code}")
    String save(@PathVariable String code, @ModelAttribute CategoryForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect, Locale locale) {
        Category category = category(code);
        FormReader in = new FormReader(new FormErrors());
        String nameJa = in.required("nameJa", form.nameJa(), 50);
        String nameEn = in.required("nameEn", form.nameEn(), 80);
        String descriptionJa = in.required("descriptionJa", form.descriptionJa(), 500);
        String descriptionEn = in.required("descriptionEn", form.descriptionEn(), 500);
        if (!in.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, category, form, in.errors());
        }
        categories.update(code, nameJa, nameEn, descriptionJa, descriptionEn);
        redirect.addFlashAttribute("message", messages.getMessage("admin.categories.saved", null, locale));
        return "redirect:/admin/categories";
    }

    private String page(Model model, Category category, CategoryForm form, FormErrors errors) {
        model.addAttribute("category", category);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/category";
    }

    private Category category(String code) {
        return categories.find(code).orElseThrow(() -> new NotFoundException("category " + code));
    }
}
