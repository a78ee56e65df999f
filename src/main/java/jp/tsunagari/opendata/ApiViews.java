package jp.tsunagari.opendata;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the JSON API returns: English camelCase fields, codes as strings (prefectures "02", municipalities
 * "024465" — 全国地方公共団体コード with check digit), dates as ISO 8601. Japanese text is given as stored.
 * Absent values are left out (never {@code null}); empty lists stay {@code []}. The same views make /programs.json.
 * Which fields are always sent, and the code lists, are declared in {@link ApiSchemas}.
 */
final class ApiViews {

    private ApiViews() {
    }

    @Schema(description = "A code with its Japanese and English names")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Named(@Schema(example = "02") String code, @Schema(example = "青森県") String nameJa,
                 @Schema(example = "Aomori") String nameEn) {
    }

    @Schema(description = "The local government that runs the program")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Organizer(@Schema(description = "全国地方公共団体コード (6 digits with check digit) of the municipality, or of the prefecture when a prefecture runs it", example = "024465")
                     String lgCode, Named prefecture, Named municipality) {
    }

    @Schema(description = "A reach figure with the date it was counted")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metric(@Schema(example = "LINE友だち登録者数") String labelJa, String labelEn,
                  @Schema(example = "1234") long value, @Schema(example = "人") String unitJa,
                  @Schema(example = "2025-03-04") LocalDate asOf) {
    }

    @Schema(description = "One program in a list")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgramSummary(@Schema(example = "3") long id, @Schema(description = "The public page") String url,
                          String name, Named category, Organizer organizer,
                          @Schema(description = "Start (year-month)", example = "2019-04") String start,
                          @Schema(description = "Event month for one-off events", example = "2024-08") String event,
                          String summary, @Schema(example = "[\"student\", \"youth\"]") List<String> audiences,
                          @Schema(description = "Age ranges of the eligibility rules, as the page shows them", example = "[\"15〜25歳\"]") List<String> ages,
                          Metric keyMetric, List<Named> examplePrefectures,
                          @Schema(description = "受付状況 today in Japan: now, soon, closed, ended or unknown (no 受付期間)",
                                  example = "now") String acceptance,
                          Confirmation confirmation) {
    }

    @Schema(description = "The re-confirmation cycle today (Japan). state: current (confirmed within 12 months), due"
            + " (要再確認: not confirmed for 12 months), unconfirmed (15 months: the pages say 「この情報は…以降確認されていません」)."
            + " assuredOn: the day the content was last known true (最終確認日, else the as-of date of its source, else"
            + " the day it was created)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Confirmation(@Schema(example = "current") String state,
                        LocalDate assuredOn) {
    }

    @Schema(description = "A page of programs with the counts of every filter value under the other filters")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgramPage(List<ProgramSummary> items, @Schema(example = "3") long total, @Schema(example = "1") int page,
                       @Schema(example = "20") int size, @Schema(example = "source") String sort,
                       @Schema(description = "Per filter (category, region, pref, audience, channel, status): value → number of programs")
                       Map<String, Map<String, Long>> facets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(int level, @Schema(example = "bullet") String kind, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Section(String heading, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Example(String name, String description, Named prefecture) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Note(String ja, String en) {
    }

    @Schema(description = "One eligibility rule, as structured from the 対象 text")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Criterion(@Schema(example = "age") String type, @Schema(example = "hard") String strength,
                     @Schema(example = "self") String subject,
                     @Schema(description = "The words of the source this rule comes from") String sourceText,
                     Integer minAge, Integer maxAge, List<Named> areas, String areaLabel, boolean outsideAreas,
                     boolean withinJapanOnly,
                     @Schema(description = "School types and grades, e.g. university,kosen:4-5", example = "any") String schools,
                     List<String> applicants, Integer minGroupSize, Integer youngMaxAge, Integer youngShareNum,
                     Integer youngShareDen, String audienceHint, String note) {
    }

    @Schema(description = "A group of people the program is for; a person qualifies through any one group")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EligibilityGroup(String label, List<Criterion> criteria,
                            @Schema(description = "First day these rules apply; left out: no limit") LocalDate validFrom,
                            @Schema(description = "Last day these rules apply; left out: no limit") LocalDate validTo) {
    }

    @Schema(description = "The program's end and 受付期間 as staff registered them (none in the source), and the 受付状況 they give today")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schedule(@Schema(description = "End, YYYY-MM or YYYY; left out if not registered", example = "2027-03") String end,
                    List<Period> periods,
                    @Schema(description = "now, soon, closed, ended or unknown", example = "now") String acceptance,
                    @Schema(description = "The day (Japan) the acceptance is for") LocalDate asOf) {
    }

    @Schema(description = "One 受付期間, first and last day inclusive; yearly: again every year on the same days")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Period(LocalDate start, LocalDate end, boolean yearly) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Source(Integer id, String title, String series, String section, Integer order,
                  @Schema(example = "2025-03-04") LocalDate asOf, String asOfText) {
    }

    @Schema(description = "Everything the catalogue holds about one published program")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgramDetail(long id, String url, String name, String nameKana, String nameEn, Named category,
                         Organizer organizer, String start, String event,
                         @Schema(example = "line") String channel, @Schema(example = "ongoing") String status,
                         String summary, String benefit, String officialUrl,
                         @Schema(description = "対象 as in the source, line by line") String eligibilityText,
                         List<String> audiences, List<Section> sections, List<Metric> metrics,
                         String examplesHeading, List<Example> examples, List<EligibilityGroup> eligibility,
                         List<Note> dataNotes, Source source, Instant updatedAt,
                         @Schema(description = "最終確認日: the day the catalogue office last approved or published this"
                                 + " content, or its maintainers confirmed it unchanged (「変更なしで確認」); left out if never"
                                 + " (the seeded programs are as of their source)")
                         LocalDate confirmedOn, Confirmation confirmation,
                         @Schema(description = "How to apply and whom to ask; its fields are left out (未登録) until staff register"
                                 + " it: the source has none of it") Application application,
                         Schedule schedule) {
    }

    @Schema(description = "How to apply and whom to ask")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Application(String method, String applyUrl, Contact contact, List<String> documents,
                       @Schema(description = "free, amount (costAmount in yen) or text (costText)", example = "free")
                       String cost, Integer costAmount, String costText) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String department, String phone, String email, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Category(@Schema(example = "gifts") String code, int number, String nameJa, String nameEn,
                    String descriptionJa, String descriptionEn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Region(@Schema(example = "tohoku") String code, String nameJa, String nameEn, List<String> prefectures) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Prefecture(@Schema(example = "02") String code, @Schema(example = "020001") String lgCode, String nameJa,
                      String nameKana, String nameEn, @Schema(example = "tohoku") String region) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Municipality(@Schema(example = "024465") String lgCode, @Schema(example = "02") String prefecture,
                        String nameJa, String nameKana, String nameEn, @Schema(example = "町") String type,
                        boolean designatedCity, @Schema(description = "For a ward of a designated city: the city") String parent) {
    }

    @Schema(description = "A profile for the eligibility checker (every answer optional; numbers may be strings), "
            + "which list to return and filters")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EligibilityRequest(@Schema(example = "22") String age,
                              @Schema(description = "Hometown: code or name", example = "024465") String hometown,
                              @Schema(description = "Where the person lives now: code, name, or abroad", example = "東京都") String residence,
                              @Schema(example = "university") String school, @Schema(example = "4") String grade,
                              @Schema(description = "Where the parents' home is") String familyHome,
                              @Schema(example = "self", description = "self, guardian or group") String applicant,
                              String groupSize, String groupYoung,
                              @Schema(description = "申込日 (application date): picks the rules in force and the 受付期間 open then; default today in Japan",
                                      example = "2026-04-01") String date,
                              @Schema(description = "Which programs to list: usable (default: eligible, then check), "
                                      + "eligible, check, not-eligible, or all (eligible, check, then not-eligible)",
                                      example = "usable") String verdict,
                              @Schema(description = "Page of the list, from 1 (page × size at most 10,000)", example = "1") String page,
                              @Schema(description = "Programs per page, 1 to 100 (default 20)", example = "20") String size,
                              @Schema(description = "Category codes (any of them)", example = "[\"gifts\"]") List<String> category,
                              @Schema(description = "Region codes (any of them)", example = "[\"tohoku\"]") List<String> region,
                              @Schema(description = "2-digit prefecture codes (any of them)", example = "[\"03\"]") List<String> pref) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reason(String aspect, String condition, String reason,
                  @Schema(example = "HOLDS") String outcome, boolean soft) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupVerdict(String label, @Schema(example = "ELIGIBLE") String verdict, List<Reason> reasons,
                        @Schema(description = "For rules that apply only for a time: whether they apply on the 申込日, in words")
                        String validity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verdict(long id, String url, String name, String category,
                   @Schema(description = "ELIGIBLE (該当), CHECK (要確認) or NOT_ELIGIBLE (非該当)", example = "CHECK") String verdict,
                   List<GroupVerdict> groups,
                   @Schema(description = "For a program with 受付期間 or an end: where the 申込日 falls, in words") String period) {
    }

    @Schema(description = "Published programs per verdict, under the filters")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerdictCounts(long eligible, long check, long notEligible) {
    }

    @Schema(description = "One filter value with its programs per verdict (under the other dimensions' filters)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FacetCount(@Schema(example = "gifts") String value, long eligible, long check, long notEligible) {
    }

    @Schema(description = "The checker's answer: counts, facet counts and one page of the chosen list with reasons")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EligibilityResponse(VerdictCounts counts, @Schema(example = "usable") String verdict, int page, int size,
                               @Schema(description = "Programs in the chosen list") long total,
                               @Schema(description = "category, region and pref values with their counts")
                               Map<String, List<FacetCount>> facets,
                               List<Verdict> programs) {
    }
}
