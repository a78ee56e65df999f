package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import org.springframework.stereotype.Component;

/**
 * The rules for list parameters, in one place: known category, region, prefecture and audience codes, a known sort,
 * a page number from 1 to {@value #MAX_PAGE}. Invalid values are reported and left out of the query.
 */
@Component
class ProgramFilters {

    static final int MAX_PAGE = 100_000;

    private final Places places;
    private final Categories categories;

    ProgramFilters(Places places, Categories categories) {
        this.places = places;
        this.categories = categories;
    }

    /** A problem with one parameter value: the field id (for the error summary link), a message key and the value. */
    record Problem(String field, String messageKey, String value) {
    }

    record Parsed(ProgramQuery query, List<Problem> problems) {
        boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    Parsed parse(ProgramFilterForm form) {
        List<Problem> problems = new ArrayList<>();
        Set<String> knownCategories = new LinkedHashSet<>();
        categories.findAll().forEach(c -> knownCategories.add(c.code()));
        Set<String> cats = keep(form.category(), knownCategories::contains, "category", "catalogue.filter.error.category", problems);
        Set<String> regions = keep(form.region(), c -> places.region(c).isPresent(), "region", "catalogue.filter.error.region", problems);
        Set<String> prefs = keep(form.pref(), c -> places.prefecture(c).isPresent(), "pref", "catalogue.filter.error.pref", problems);
        Set<Audience> audiences = new LinkedHashSet<>();
        for (String code : form.audience()) {
            Audience.fromCode(code).ifPresentOrElse(audiences::add,
                    () -> problems.add(new Problem("audience", "catalogue.filter.error.audience", code)));
        }
        ProgramSort sort = ProgramSort.SOURCE;
        if (form.sort() != null && !form.sort().isBlank()) {
            sort = ProgramSort.fromCode(form.sort().strip()).orElse(null);
            if (sort == null) {
                problems.add(new Problem("sort", "catalogue.filter.error.sort", form.sort()));
                sort = ProgramSort.SOURCE;
            }
        }
        int page = 1;
        if (form.page() != null && !form.page().isBlank()) {
            page = parsePage(form.page().strip());
            if (page < 1) {
                problems.add(new Problem("page", "catalogue.filter.error.page", form.page()));
                page = 1;
            }
        }
        return new Parsed(new ProgramQuery(cats, regions, prefs, audiences, sort, page, ProgramQuery.DEFAULT_SIZE), problems);
    }

    private static int parsePage(String text) {
        if (text.length() > 6 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        int n = Integer.parseInt(text);
        return n > MAX_PAGE ? -1 : n;
    }

    private static Set<String> keep(List<String> values, java.util.function.Predicate<String> known, String field,
                                    String key, List<Problem> problems) {
        Set<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            if (v.length() <= 40 && known.test(v)) {
                kept.add(v);
            } else {
                problems.add(new Problem(field, key, v));
            }
        }
        return kept;
    }
}
