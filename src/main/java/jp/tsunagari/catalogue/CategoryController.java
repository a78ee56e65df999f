package jp.tsunagari.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import jp.tsunagari.catalogue.internal.Categories;
import jp.tsunagari.catalogue.internal.CategoryEntity;
import jp.tsunagari.catalogue.internal.ListLinks;
import jp.tsunagari.catalogue.internal.ProgramFilters;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.system.HeadMeta;
import jp.tsunagari.system.NotFoundException;
import jp.tsunagari.system.PublicUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /categories/{code}}: a category's description and its programs. */
@Controller
class CategoryController {

    private final Categories categories;
    private final ProgramFinder finder;
    private final ProgramFilters filters;
    private final PublicUrls urls;

    CategoryController(Categories categories, ProgramFinder finder, ProgramFilters filters, PublicUrls urls) {
        this.categories = categories;
        this.finder = finder;
        this.filters = filters;
        this.urls = urls;
    }

    @GetMapping("/categories/{code}")
    String category(@PathVariable String code, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String page,
                    @RequestParam(name = CompareSelection.PARAMETER, required = false) java.util.List<String> compare,
                    Model model, HttpServletResponse response, Locale locale) {
        Category category = categories.findById(code).map(CategoryEntity::value).orElseThrow(() -> new NotFoundException("category " + code));
        ProgramFilters.Parsed parsed = filters.parse(category.code(), sort, page);
        ProgramQuery query = parsed.query();
        if (parsed.hasProblems()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        // Sort orders show the same programs: the canonical URL keeps only the page number.
        String canonical = "/categories/" + category.code() + (query.page() > 1 ? "?page=" + query.page() : "");
        model.addAttribute("headMeta", HeadMeta.of(urls.absolute(canonical), category.name(locale),
                category.description(locale)));
        model.addAttribute("category", category);
        // The feed's language is its URL's alone (docs/open-data.md): the English page links the English feed.
        model.addAttribute("feedUrl", "/programs.atom?category=" + category.code()
                + ("en".equals(locale.getLanguage()) ? "&lang=en" : ""));
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("results", finder.find(query));
        CompareSelection selection = CompareSelection.of(compare);
        ListLinks links = new ListLinks("/categories/" + category.code(), query, selection);
        model.addAttribute("links", links);
        model.addAttribute("compareLinks", new CompareLinks(selection, links.plain(query.page())));
        return "catalogue/category";
    }
}
