package jp.tsunagari.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ProblemDetail;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Code lists: categories, regions, prefectures and municipalities (全国地方公共団体コード). */
@RestController
@Tag(name = "reference", description = "Code lists used by the programs and their filters")
class ReferenceApi {

    private final Places places;
    private final ApiMapper mapper;
    private final ApiProblem problems;

    ReferenceApi(Places places, ApiMapper mapper, ApiProblem problems) {
        this.places = places;
        this.mapper = mapper;
        this.problems = problems;
    }

    @Operation(summary = "The five categories of programs", description = "Codes (the category filter's values), numbers, names and descriptions in Japanese and English.")
    @GetMapping(path = "/api/v1/categories", produces = "application/json")
    List<ApiViews.Category> categories() {
        return mapper.categories();
    }

    @Operation(summary = "The eight regions with their prefectures", description = "Codes (the region filter's values), names, and the 2-digit codes of their prefectures.")
    @GetMapping(path = "/api/v1/regions", produces = "application/json")
    List<ApiViews.Region> regions() {
        return places.prefecturesByRegion().entrySet().stream().map(e -> new ApiViews.Region(e.getKey().code(),
                e.getKey().nameJa(), e.getKey().nameEn(), e.getValue().stream().map(Prefecture::code).toList())).toList();
    }

    @Operation(summary = "The 47 prefectures", description = "2-digit codes (the pref filter's values), 6-digit 全国地方公共団体コード, names with reading, and the region.")
    @GetMapping(path = "/api/v1/prefectures", produces = "application/json")
    List<ApiViews.Prefecture> prefectures() {
        return places.prefectures().stream().map(p -> new ApiViews.Prefecture(p.code(), p.lgCode(), p.nameJa(),
                p.nameKana(), p.nameEn(), p.region().code())).toList();
    }

    @Operation(summary = "Municipalities and designated-city wards", description = "All 1,918 rows, or one prefecture's.")
    @ApiResponse(responseCode = "200", description = "Municipalities in code order", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ApiViews.Municipality.class))))
    @ApiResponse(responseCode = "400", description = "An unknown prefecture code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/v1/municipalities", produces = "application/json")
    ResponseEntity<?> municipalities(
            @Parameter(description = "Prefecture code (2 digits)", example = "02") @RequestParam(required = false) String pref) {
        if (pref != null && places.prefecture(pref.strip()).isEmpty()) {
            return problems.invalid(List.of(new ApiProblem.FieldError("pref", pref,
                    problems.message("catalogue.filter.error.pref", pref))));
        }
        Map<String, String> parents = places.wardParents();
        return ResponseEntity.ok(places.municipalitiesWithPrefecture().stream()
                .filter(m -> pref == null || m.prefectureCode().equals(pref.strip()))
                .map(m -> new ApiViews.Municipality(m.lgCode(), m.prefectureCode(), m.nameJa(), m.nameKana(),
                        m.nameEn(), m.type(), m.designatedCity(), parents.get(m.lgCode()))).toList());
    }
}
