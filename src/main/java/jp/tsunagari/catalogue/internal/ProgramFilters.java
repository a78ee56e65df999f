package jp.tsunagari.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.ProgramQuery;
import jp.tsunagari.catalogue.ProgramSort;
import org.springframework.stereotype.Component;

/**
 * The rules for a category page's parameters: a known sort and a page number from 1 to {@value #MAX_PAGE}.
 * Invalid values are reported and replaced by the defaults. (The /programs filters live in the search module.)
 */
@Component
public class ProgramFilters {

    static final int MAX_PAGE = 100_000;

    /** A problem with one parameter value: the field id (for the error summary link), a message key and the value. */
    record Problem(String field, String messageKey, String value) {
    }

    public record Parsed(ProgramQuery query, List<Problem> problems) {
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    public Parsed parse(String category, String sortText, String pageText) {
        List<Problem> problems = new ArrayList<>();
        ProgramSort sort = ProgramSort.SOURCE;
        if (sortText != null && !sortText.isBlank()) {
            sort = ProgramSort.fromCode(sortText.strip()).orElse(null);
            if (sort == null) {
                problems.add(new Problem("sort", "catalogue.filter.error.sort", sortText));
                sort = ProgramSort.SOURCE;
            }
        }
        int page = 1;
        if (pageText != null && !pageText.isBlank()) {
            String p = pageText.strip();
            page = p.matches("\\d{1,6}") ? Integer.parseInt(p) : -1;
            if (page < 1 || page > MAX_PAGE) {
                problems.add(new Problem("page", "catalogue.filter.error.page", pageText));
                page = 1;
            }
        }
        return new Parsed(new ProgramQuery(Set.of(category), Set.of(), Set.of(), Set.of(), sort, page,
                ProgramQuery.DEFAULT_SIZE), problems);
    }
}
