package jp.tsunagari.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import jp.tsunagari.checker.CheckerForm;
import jp.tsunagari.checker.EligibilityResults;
import jp.tsunagari.checker.ProfileReader;
import jp.tsunagari.system.PublicUrls;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/eligibility}: the eligibility checker for programs; nothing is stored or logged. */
@RestController
@Tag(name = "eligibility", description = "あなたが使える施策 — which programs a person can use, with reasons")
class EligibilityApi {

    private final ProfileReader reader;
    private final EligibilityResults results;
    private final ApiProblem problems;
    private final PublicUrls links;

    EligibilityApi(ProfileReader reader, EligibilityResults results, ApiProblem problems, PublicUrls links) {
        this.reader = reader;
        this.results = results;
        this.problems = problems;
        this.links = links;
    }

    @Operation(summary = "Judge every published program for a profile",
            description = "Same rules and wording as the /eligibility page. Places may be codes or names; "
                    + "numbers may be sent as numbers or strings.")
    @ApiResponse(responseCode = "200", description = "Every published program with its verdict and reasons",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiViews.EligibilityResponse.class)))
    @ApiResponse(responseCode = "400", description = "An unusable answer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/api/v1/eligibility", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> check(@RequestBody ApiViews.EligibilityRequest body, Locale locale) {
        ApiViews.EligibilityRequest b = body == null
                ? new ApiViews.EligibilityRequest(null, null, null, null, null, null, null, null, null, null) : body;
        ProfileReader.Read read = reader.read(new CheckerForm(b.age(), b.hometown(), b.residence(), b.school(),
                b.grade(), b.familyHome(), b.applicant(), b.groupSize(), b.groupYoung(), b.date()));
        if (!read.errors().isEmpty()) {
            return problems.invalid(read.errors().list().stream().map(e -> new ApiProblem.FieldError(e.field(),
                    value(b, e.field()), problems.message(e.key(), e.args()))).toList());
        }
        return ResponseEntity.ok(new ApiViews.EligibilityResponse(read.profile().date(),
                results.judge(read.profile(), locale).stream().map(this::verdict).toList()));
    }

    private ApiViews.Verdict verdict(EligibilityResults.Result r) {
        return new ApiViews.Verdict(r.id(), links.absolute("/programs/" + r.id()), r.name(), r.categoryName(), r.verdict().name(),
                r.groups().stream().map(g -> new ApiViews.GroupVerdict(g.label(), g.verdict().name(),
                        g.reasons().stream().map(x -> new ApiViews.Reason(x.aspect(), x.condition(), x.reason(),
                                x.outcome(), x.soft())).toList())).toList());
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
            case "groupYoung" -> b.groupYoung();
            default -> b.date();
        };
    }
}
