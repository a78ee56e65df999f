package jp.tsunagari.search;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The /programs search for other modules (the JSON API, CSV and JSON exports): the same parameters, the same rules
 * and the same ranking as the page, as ids in order with the total and the facet counts.
 */
@Service
public class Discovery {

    /** Most results one API page returns. */
    public static final int MAX_SIZE = 100;

    private final DiscoveryFilters filters;
    private final ProgramSearch search;

    Discovery(DiscoveryFilters filters, ProgramSearch search) {
        this.filters = filters;
        this.search = search;
    }

    /**
     * Ids of one page (or of every match, for exports), the total, the counts per facet dimension and value, and the
     * parameters that could not be used (they are left out; the rest still applies).
     */
    public record Found(List<Long> ids, long total, int page, int size, String sort,
                        Map<String, Map<String, Long>> counts, List<DiscoveryFilters.Problem> problems) {
    }

    /** One page of {@code size} results (1 to {@value #MAX_SIZE}; null for the page's 20). */
    public Found page(DiscoveryFilters.Form form, String size) {
        DiscoveryFilters.Parsed parsed = filters.parse(form);
        List<DiscoveryFilters.Problem> problems = new java.util.ArrayList<>(parsed.problems());
        int pageSize = DiscoveryQuery.SIZE;
        if (size != null && !size.isBlank()) {
            String s = size.strip();
            if (s.matches("\\d{1,3}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= MAX_SIZE) {
                pageSize = Integer.parseInt(s);
            } else {
                problems.add(new DiscoveryFilters.Problem("size", "api.error.size", size));
            }
        }
        DiscoveryQuery q = parsed.query();
        DiscoveryQuery sized = new DiscoveryQuery(q.text(), q.selected(), q.sort(), q.page(), pageSize, q.includeEnded());
        return found(sized, problems);
    }

    /** Every match in the page's order (the page parameter is ignored). */
    public Found all(DiscoveryFilters.Form form) {
        DiscoveryFilters.Parsed parsed = filters.parse(form);
        DiscoveryQuery q = parsed.query();
        List<DiscoveryFilters.Problem> problems = parsed.problems().stream()
                .filter(p -> !"page".equals(p.field())).toList();
        return found(new DiscoveryQuery(q.text(), q.selected(), q.sort(), 1, Integer.MAX_VALUE, q.includeEnded()), problems);
    }

    private Found found(DiscoveryQuery q, List<DiscoveryFilters.Problem> problems) {
        ProgramSearch.Result r = search.search(q);
        return new Found(r.ids(), r.total(), q.page(), q.size(), q.effectiveSort(), r.counts(), List.copyOf(problems));
    }
}
