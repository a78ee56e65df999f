package jp.tsunagari.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.checker.CheckerForm;
import jp.tsunagari.checker.EligibilityResults;
import jp.tsunagari.checker.ProfileReader;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.search.Discovery;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.search.EligibilityLookup;
import jp.tsunagari.system.PublicUrls;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/eligibility}: the eligibility checker for programs — counts per verdict, facet counts, one
 * page of a list with reasons; nothing is stored or logged. Same rules, lookup and wording as /eligibility.
 */
@RestController
@Tag(name = "eligibility", description = "あなたが使える施策 — which programs a person can use, with reasons")
class EligibilityApi {

    /** The lists a request can ask for, by name. */
    private static final Map<String, List<Verdict>> LISTS = Map.of(
            "usable", List.of(Verdict.ELIGIBLE, Verdict.CHECK),
            "all", List.of(Verdict.ELIGIBLE, Verdict.CHECK, Verdict.NOT_ELIGIBLE),
            "eligible", List.of(Verdict.ELIGIBLE),
            "check", List.of(Verdict.CHECK),
            "not-eligible", List.of(Verdict.NOT_ELIGIBLE));

    /** The names of {@link #LISTS} in the order the description gives them. */
    static final List<String> LIST_NAMES = List.of("usable", "eligible", "check", "not-eligible", "all");

    private final ProfileReader reader;
    private final EligibilityResults results;
    private final DiscoveryFilters filters;
    private final ApiProblem problems;
    private final PublicUrls links;

    EligibilityApi(ProfileReader reader, EligibilityResults results, DiscoveryFilters filters, ApiProblem problems,
                   PublicUrls links) {
        this.reader = reader;
        this.results = results;
        this.filters = filters;
        this.problems = problems;
        this.links = links;
    }

    @Operation(summary = "Judge the published programs for a profile",
            description = "Same rules and wording as the /eligibility page: the number of programs per verdict (該当, "
                    + "要確認, 非該当), per category, region and prefecture too, and one page of a list with the reasons, "
                    + "criterion by criterion. Places may be codes (a prefecture's own 6-digit code too) or names; numbers "
                    + "may be sent as numbers or strings.")
    @ApiResponse(responseCode = "200", description = "Counts and one page of programs with their verdict and reasons",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiViews.EligibilityResponse.class)))
    @ApiResponse(responseCode = "400", description = "An unusable answer or parameter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/api/v1/eligibility", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> check(@RequestBody ApiViews.EligibilityRequest body, Locale locale) {
        ApiViews.EligibilityRequest b = body == null ? new ApiViews.EligibilityRequest(null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null) : body;
        ProfileReader.Read read = reader.read(CheckerForm.answers(b.age(), b.hometown(), b.residence(), b.school(),
                b.grade(), b.familyHome(), b.applicant(), b.groupSize(), b.groupYoung(), b.date()));
        List<ApiProblem.FieldError> errors = new ArrayList<>(read.errors().list().stream().map(e -> new ApiProblem.FieldError(
                e.field(), value(b, e.field()), problems.message(e.key(), e.args()))).toList());
        DiscoveryFilters.Selection selection = filters.select(b.category(), b.region(), b.pref());
        selection.problems().forEach(p -> errors.add(new ApiProblem.FieldError(p.field(), p.value(),
                problems.message(p.messageKey(), p.value()))));
        String list = blank(b.verdict()) ? "usable" : b.verdict().strip();
        if (!LISTS.containsKey(list)) {
            errors.add(new ApiProblem.FieldError("verdict", b.verdict(), problems.message("api.error.verdict", b.verdict())));
        }
        int size = number(b.size(), 20, 1, Discovery.MAX_SIZE, "size", "api.error.size", errors);
        int page = number(b.page(), 1, 1, Integer.MAX_VALUE, "page", "catalogue.filter.error.page", errors);
        if ((long) page * size > EligibilityLookup.MAX_WINDOW) {
            errors.add(new ApiProblem.FieldError("page", b.page(),
                    problems.message("api.error.deepPage", EligibilityLookup.MAX_WINDOW)));
        }
        if (!errors.isEmpty()) {
            return problems.invalid(errors);
        }
        EligibilityResults.Found found = results.find(read.profile(), selection.selected(),
                List.of(new EligibilityLookup.Slice(LISTS.get(list), (page - 1) * size, size)), locale);
        long total = LISTS.get(list).stream().mapToLong(found::total).sum();
        return ResponseEntity.ok(new ApiViews.EligibilityResponse(counts(found.totals()), list, page, size, total,
                facets(found), found.slices().get(0).stream().map(this::verdict).toList()));
    }

    private static ApiViews.VerdictCounts counts(Map<Verdict, Long> c) {
        return new ApiViews.VerdictCounts(c.getOrDefault(Verdict.ELIGIBLE, 0L), c.getOrDefault(Verdict.CHECK, 0L),
                c.getOrDefault(Verdict.NOT_ELIGIBLE, 0L));
    }

    private static Map<String, List<ApiViews.FacetCount>> facets(EligibilityResults.Found found) {
        Map<String, List<ApiViews.FacetCount>> facets = new LinkedHashMap<>();
        found.facets().forEach((dimension, values) -> facets.put(dimension, values.entrySet().stream()
                .map(e -> {
                    ApiViews.VerdictCounts c = counts(e.getValue());
                    return new ApiViews.FacetCount(e.getKey(), c.eligible(), c.check(), c.notEligible());
                })
                .sorted(Comparator.comparing(ApiViews.FacetCount::value)).toList()));
        return facets;
    }

    private ApiViews.Verdict verdict(EligibilityResults.Result r) {
        return new ApiViews.Verdict(r.id(), links.absolute("/programs/" + r.id()), r.name(), r.categoryName(), r.verdict().name(),
                r.groups().stream().map(g -> new ApiViews.GroupVerdict(g.label(), g.verdict().name(),
                        g.reasons().stream().map(x -> new ApiViews.Reason(x.aspect(), x.condition(), x.reason(),
                                x.outcome(), x.soft())).toList(), g.validity())).toList(), r.period());
    }

    private int number(String typed, int fallback, int min, int max, String field, String key,
                       List<ApiProblem.FieldError> errors) {
        if (blank(typed)) {
            return fallback;
        }
        String t = typed.strip();
        if (t.matches("\\d{1,9}") && Integer.parseInt(t) >= min && Integer.parseInt(t) <= max) {
            return Integer.parseInt(t);
        }
        errors.add(new ApiProblem.FieldError(field, typed, problems.message(key, typed)));
        return fallback;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String value(ApiViews.EligibilityRequest b, String field) {
        return switch (field) {
            case "age" -> b.age();
            case "hometown" -> b.hometown();
            case "residence" -> b.residence();
            case "school" -> b.school();
            case "grade" -> b.grade();
            case "familyHome" -> b.familyHome();
            case "applicant" -> b.applicant();
            case "groupSize" -> b.groupSize();
            case "date" -> b.date();
            default -> b.groupYoung();
        };
    }
}
