package jp.tsunagari.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import jp.tsunagari.catalogue.ProgramCardLoader;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.search.Discovery;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.system.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/programs}: the /programs search as JSON, and one program with everything the catalogue holds. */
@RestController
@Tag(name = "programs", description = "施策 — published programs only; drafts never appear")
class ProgramsApi {

    private final Discovery discovery;
    private final ProgramCardLoader cards;
    private final ProgramValueReader data;
    private final ApiMapper mapper;
    private final ApiProblem problems;

    ProgramsApi(Discovery discovery, ProgramCardLoader cards, ProgramValueReader data, ApiMapper mapper, ApiProblem problems) {
        this.discovery = discovery;
        this.cards = cards;
        this.data = data;
        this.mapper = mapper;
        this.problems = problems;
    }

    @Operation(summary = "Search programs", description = "Same parameters and ranking as the /programs page. "
            + "Values of one filter are alternatives (category=sns&category=gifts); filters combine. "
            + "facets gives, for every filter value, the number of programs it would give under the other filters.")
    @ApiResponse(responseCode = "200", description = "A page of programs",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiViews.ProgramPage.class)))
    @ApiResponse(responseCode = "400", description = "An unusable parameter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/v1/programs", produces = "application/json")
    ResponseEntity<?> programs(
            @Parameter(description = "Words to search (Japanese or English; all must match)", example = "LINE") @RequestParam(required = false) String q,
            @Parameter(description = "Category code: sns, gifts, co-creation, alumni-exchange, other") @RequestParam(required = false) List<String> category,
            @Parameter(description = "Region code, e.g. tohoku") @RequestParam(required = false) List<String> region,
            @Parameter(description = "Prefecture code (2 digits)", example = "02") @RequestParam(required = false) List<String> pref,
            @Parameter(description = "Audience: student, youth, alumni, guardian, group, anyone") @RequestParam(required = false) List<String> audience,
            @Parameter(description = "Main channel, e.g. line, delivery, event") @RequestParam(required = false) List<String> channel,
            @Parameter(description = "Status: ongoing, ended, one-off (ended programs are left out unless chosen here or ended=include)") @RequestParam(required = false) List<String> status,
            @Parameter(description = "Application status today (Japan): now (受付中), soon (受付前), closed (受付終了)") @RequestParam(required = false) List<String> accepting,
            @Parameter(description = "recent: only programs confirmed within the last 15 months (not shown as unconfirmed)") @RequestParam(required = false) List<String> confirmed,
            @Parameter(description = "include: list ended programs too") @RequestParam(required = false) String ended,
            @Parameter(description = "relevance, source, kana, start, reach, deadline (締切が近い順)") @RequestParam(required = false) String sort,
            @Parameter(description = "Page number, 1 to 100,000") @RequestParam(required = false) String page,
            @Parameter(description = "Results per page, 1 to 100 (default 20)") @RequestParam(required = false) String size) {
        Discovery.Found found = discovery.page(new DiscoveryFilters.Form(q, category, region, pref, audience, channel,
                status, accepting, confirmed, ended, sort, page), size);
        if (!found.problems().isEmpty()) {
            return problems.invalid(found.problems().stream().map(p -> new ApiProblem.FieldError(p.field(), p.value(),
                    problems.message(p.messageKey(), p.value()))).toList());
        }
        List<ApiViews.ProgramSummary> items = cards.of(found.ids()).stream().map(mapper::summary).toList();
        return ResponseEntity.ok(new ApiViews.ProgramPage(items, found.total(), found.page(), found.size(),
                found.sort(), found.counts()));
    }

    @Operation(summary = "One program", description = "Sections, reach figures with their dates, example groups, "
            + "eligibility groups and rules, data notes and the source. 404 for unknown ids and for drafts.")
    @ApiResponse(responseCode = "200", description = "The program")
    @ApiResponse(responseCode = "404", description = "No published program with this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/v1/programs/{id}", produces = "application/json")
    ApiViews.ProgramDetail program(@Parameter(description = "Program id", example = "1") @PathVariable String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundException("program " + id);
        }
        return data.published(Long.parseLong(id)).map(e -> mapper.detail(e, data.sources()))
                .orElseThrow(() -> new NotFoundException("program " + id));
    }
}
