package jp.tsunagari.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import org.springframework.stereotype.Component;

/**
 * The rules for /programs parameters: known codes for every facet, a sort from the list, a page from 1 to
 * {@value #MAX_PAGE}, text of at most {@value #MAX_TEXT} characters. Unusable values are reported and left out.
 */
@Component
public class DiscoveryFilters {

    /** The deepest {@code page} (the API's description says so too). */
    public static final int MAX_PAGE = 100_000;
    static final int MAX_TEXT = 200;
    /** {@code ended=include}: list ended programs too (left out by default). */
    public static final String INCLUDE = "include";
    /** The values of {@code sort}, {@code accepting} and {@code confirmed}, for the API's description. */
    public static final List<String> SORTS = DiscoveryQuery.SORTS;
    public static final List<String> ACCEPTING = ProgramDocuments.ACCEPTING.stream()
            .map(jp.tsunagari.catalogue.Acceptance::code).toList();
    public static final String RECENT = ProgramDocuments.RECENT;

    private final Places places;
    private final CategoryEditor categories;

    DiscoveryFilters(Places places, CategoryEditor categories) {
        this.places = places;
        this.categories = categories;
    }

    /** The parameters as sent (lists may be null). */
    public record Form(String q, List<String> category, List<String> region, List<String> pref, List<String> audience,
                List<String> channel, List<String> status, List<String> accepting, List<String> confirmed,
                String ended, String sort, String page) {

        List<String> values(String dimension) {
            List<String> raw = switch (dimension) {
                case "category" -> category;
                case "region" -> region;
                case "pref" -> pref;
                case "audience" -> audience;
                case "channel" -> channel;
                case "accepting" -> accepting;
                case "confirmed" -> confirmed;
                default -> status;
            };
            return raw == null ? List.of() : raw.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                    .distinct().toList();
        }
    }

    /** A parameter that could not be used: which, the message key (its argument is {@code value}) and the value. */
    public record Problem(String field, String messageKey, String value) {
    }

    record Parsed(DiscoveryQuery query, List<Problem> problems) {
    }

    /** Selected values of some facet dimensions, and the values that could not be used (left out). */
    public record Selection(Map<String, Set<String>> selected, List<Problem> problems) {
    }

    /** The category, region and pref values of another page's form (the eligibility checker), checked as here. */
    public Selection select(List<String> category, List<String> region, List<String> pref) {
        Parsed parsed = parse(new Form(null, category, region, pref, null, null, null, null, null, null, null, null));
        Map<String, Set<String>> selected = new java.util.LinkedHashMap<>();
        for (String dimension : List.of("category", "region", "pref")) {
            selected.put(dimension, parsed.query().values(dimension));
        }
        return new Selection(selected, parsed.problems());
    }

    Parsed parse(Form form) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Set<String>> selected = new HashMap<>();
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            Predicate<String> known = known(dimension);
            Set<String> values = new LinkedHashSet<>();
            for (String v : form.values(dimension)) {
                if (v.length() <= 40 && known.test(v)) {
                    values.add(v);
                } else {
                    problems.add(new Problem(dimension, "catalogue.filter.error." + dimension, v));
                }
            }
            selected.put(dimension, values);
        }
        String text = form.q() == null ? "" : form.q().strip();
        if (text.length() > MAX_TEXT) {
            problems.add(new Problem("q", "search.error.tooLong", Integer.toString(MAX_TEXT)));
            text = text.substring(0, MAX_TEXT);
        }
        String sort = form.sort() == null || form.sort().isBlank() ? "relevance" : form.sort().strip();
        if (!DiscoveryQuery.SORTS.contains(sort)) {
            problems.add(new Problem("sort", "catalogue.filter.error.sort", form.sort()));
            sort = "relevance";
        }
        int page = 1;
        if (form.page() != null && !form.page().isBlank()) {
            String p = form.page().strip();
            page = p.matches("\\d{1,6}") ? Integer.parseInt(p) : -1;
            if (page < 1 || page > MAX_PAGE) {
                problems.add(new Problem("page", "catalogue.filter.error.page", form.page()));
                page = 1;
            }
        }
        boolean includeEnded = false;
        if (form.ended() != null && !form.ended().isBlank()) {
            includeEnded = INCLUDE.equals(form.ended().strip());
            if (!includeEnded) {
                problems.add(new Problem("ended", "catalogue.filter.error.ended", form.ended()));
            }
        }
        return new Parsed(new DiscoveryQuery(text, selected, sort, page, DiscoveryQuery.SIZE, includeEnded), problems);
    }

    private Predicate<String> known(String dimension) {
        return switch (dimension) {
            case "category" -> code -> categories.find(code).isPresent();
            case "region" -> code -> places.region(code).isPresent();
            case "pref" -> code -> places.prefecture(code).isPresent();
            case "audience" -> code -> Audience.fromCode(code).isPresent();
            case "channel" -> code -> Codes.channel(code).isPresent();
            case "accepting" -> code -> ProgramDocuments.ACCEPTING.stream().anyMatch(a -> a.code().equals(code));
            case "confirmed" -> ProgramDocuments.RECENT::equals;
            default -> code -> Codes.status(code).isPresent();
        };
    }
}
