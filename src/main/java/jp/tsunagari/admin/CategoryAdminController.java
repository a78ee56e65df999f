package jp.tsunagari.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.system.FormErrors;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.Text;
import jp.tsunagari.system.Typed;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

    /** The category form as typed. */
    record CategoryForm(@Text(max = 50, required = true) String nameJa, @Text(max = 80, required = true) String nameEn,
                        @Text(max = 500, required = true) String descriptionJa,
                        @Text(max = 500, required = true) String descriptionEn) {
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
    String save(@PathVariable String code, @Valid @ModelAttribute("form") CategoryForm form, BindingResult checked,
                Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Category category = category(code);
        if (checked.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, category, form, FormErrors.of(checked));
        }
        categories.update(code, Typed.clean(form.nameJa()), Typed.clean(form.nameEn()), Typed.clean(form.descriptionJa()),
                Typed.clean(form.descriptionEn()));
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
