package jp.tsunagari.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The /programs search for other modules (the JSON API, CSV and JSON exports): the same parameters, the same rules
 * and the same ranking as the page, as ids in order with the total and the facet counts.
 */
@Service
public class Discovery {

    /** Most results one API page returns. */
    public static final int MAX_SIZE = 100;

    /** Most entries a feed lists. */
    public static final int FEED_SIZE = 50;

    private final DiscoveryFilters filters;
    private final ProgramSearch search;
    private final SearchLabels labels;

    Discovery(DiscoveryFilters filters, ProgramSearch search, SearchLabels labels) {
        this.filters = filters;
        this.search = search;
        this.labels = labels;
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

    /** A filter of a feed in words: the dimension ({@code q}, {@code category} …) and the value's display name. */
    public record Filter(String dimension, String label) {
    }

    /**
     * The newest matches for a feed, newest first: ids, when each was last published, the newest time (of the
     * matches, else of the whole catalogue; null only for an empty catalogue), the feed's path and its list page's
     * path (both without sort or page, the parameters in a fixed order, {@code lang=en} last for English: the feed's
     * identity), the filters in words ({@code ended} too), and the parameters that could not be used. A feed has no
     * sort or page: those parameters are ignored.
     */
    public record Latest(List<Long> ids, List<Instant> published, Instant newest, String feedPath, String listPath,
                         List<Filter> filters, List<DiscoveryFilters.Problem> problems) {
    }

    public Latest latest(DiscoveryFilters.Form form, Locale locale) {
        DiscoveryFilters.Parsed parsed = filters.parse(form);
        List<DiscoveryFilters.Problem> problems = parsed.problems().stream()
                .filter(p -> !"page".equals(p.field()) && !"sort".equals(p.field())).toList();
        DiscoveryQuery q = parsed.query();
        ProgramSearch.Latest found = search.latest(q, FEED_SIZE);
        List<Instant> times = found.published().stream().map(Instant::ofEpochMilli).toList();
        Instant newest = times.isEmpty() ? search.latest(DiscoveryQuery.ALL, 1).published().stream().findFirst()
                .map(Instant::ofEpochMilli).orElse(null) : times.get(0);
        List<Filter> words = new ArrayList<>();
        if (q.hasText()) {
            words.add(new Filter("q", q.text()));
        }
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            new TreeSet<>(q.chosen(dimension)).forEach(v -> words.add(new Filter(dimension,
                    labels.label(dimension, v, locale))));
        }
        if (q.includeEnded()) {
            words.add(new Filter("ended", labels.label("ended", DiscoveryFilters.INCLUDE, locale)));
        }
        DiscoveryLinks links = new DiscoveryLinks(q);
        return new Latest(found.ids(), times, newest, links.feed(locale), links.list(locale), List.copyOf(words),
                problems);
    }

    private Found found(DiscoveryQuery q, List<DiscoveryFilters.Problem> problems) {
        ProgramSearch.Result r = search.search(q);
        return new Found(r.ids(), r.total(), q.page(), q.size(), q.effectiveSort(), r.counts(), List.copyOf(problems));
    }
}
