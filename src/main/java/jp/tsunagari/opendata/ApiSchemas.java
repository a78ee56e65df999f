package jp.tsunagari.opendata;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.ApplicationCost;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Freshness;
import jp.tsunagari.catalogue.ItemKind;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Outcome;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.search.Codes;
import jp.tsunagari.search.DiscoveryFilters;

/**
 * The answer schemas as a contract (docs/open-data.md, "JSON API"): absent values are left out of the answers, so a
 * field is {@code required} unless it is named in {@link #OPTIONAL}, and no schema allows {@code null}; every code
 * list is an {@code enum} taken from the code. The request body's fields are all optional.
 */
final class ApiSchemas {

    /** The fields an answer may leave out (a value the catalogue does not have), per schema. */
    static final Map<String, Set<String>> OPTIONAL = Map.ofEntries(
            Map.entry("Named", Set.of("nameJa", "nameEn")),
            Map.entry("Organizer", Set.of("municipality")),
            Map.entry("Metric", Set.of("labelEn", "unitJa", "asOf")),
            Map.entry("ProgramSummary", Set.of("organizer", "start", "event", "summary", "keyMetric")),
            Map.entry("Section", Set.of("heading")),
            Map.entry("Example", Set.of("description", "prefecture")),
            Map.entry("Note", Set.of("en")),
            Map.entry("Criterion", Set.of("subject", "sourceText", "minAge", "maxAge", "areaLabel", "schools",
                    "minGroupSize", "youngMaxAge", "youngShareNum", "youngShareDen", "audienceHint", "note")),
            Map.entry("EligibilityGroup", Set.of("label", "validFrom", "validTo")),
            Map.entry("Schedule", Set.of("end")),
            Map.entry("Source", Set.of("series", "section", "order", "asOf", "asOfText")),
            Map.entry("ProgramDetail", Set.of("nameKana", "nameEn", "organizer", "start", "event", "channel", "status",
                    "summary", "benefit", "officialUrl", "eligibilityText", "examplesHeading", "source", "confirmedOn")),
            Map.entry("Application", Set.of("method", "applyUrl", "cost", "costAmount", "costText")),
            Map.entry("Contact", Set.of("department", "phone", "email", "url")),
            Map.entry("Category", Set.of("descriptionJa", "descriptionEn")),
            Map.entry("Prefecture", Set.of()),
            Map.entry("Municipality", Set.of("nameKana", "nameEn", "type", "parent")),
            Map.entry("Reason", Set.of("condition")),
            Map.entry("GroupVerdict", Set.of("label", "validity")),
            Map.entry("Verdict", Set.of("period")),
            Map.entry("Problem", Set.of("errors")),
            Map.entry("FieldError", Set.of("value")));

    /** Schemas of requests: nothing required. */
    private static final Set<String> REQUESTS = Set.of("EligibilityRequest");

    private ApiSchemas() {
    }

    static <E extends Enum<E>> List<String> codes(Class<E> type, Function<E, String> code) {
        return Arrays.stream(type.getEnumConstants()).map(code).toList();
    }

    /** Every code list of the answers and the request body, by "Schema.property". */
    static Map<String, List<String>> enums(List<String> categories, List<String> regions, List<String> lists) {
        List<String> acceptance = codes(Acceptance.class, Acceptance::code);
        List<String> audiences = codes(Audience.class, Audience::code);
        List<String> verdicts = codes(Verdict.class, Enum::name);
        return Map.ofEntries(
                Map.entry("ProgramSummary.acceptance", acceptance), Map.entry("Schedule.acceptance", acceptance),
                Map.entry("ProgramSummary.audiences", audiences), Map.entry("ProgramDetail.audiences", audiences),
                Map.entry("Criterion.audienceHint", audiences),
                Map.entry("Confirmation.state", codes(Freshness.State.class, Freshness.State::code)),
                Map.entry("ProgramDetail.channel", codes(Channel.class, Codes::channel)),
                Map.entry("ProgramDetail.status", codes(jp.tsunagari.catalogue.Lifecycle.class, Codes::status)),
                Map.entry("ProgramPage.sort", DiscoveryFilters.SORTS),
                Map.entry("Item.kind", codes(ItemKind.class, ApiMapper::code)),
                Map.entry("Criterion.type", codes(CriterionType.class, ApiMapper::code)),
                Map.entry("Criterion.strength", codes(Strength.class, ApiMapper::code)),
                Map.entry("Criterion.subject", codes(Subject.class, ApiMapper::code)),
                Map.entry("Criterion.applicants", codes(Applicant.class, Applicant::code)),
                Map.entry("Application.cost", codes(ApplicationCost.class, ApiMapper::code)),
                Map.entry("Verdict.verdict", verdicts), Map.entry("GroupVerdict.verdict", verdicts),
                Map.entry("Reason.outcome", codes(Outcome.class, Enum::name)),
                Map.entry("EligibilityResponse.verdict", lists), Map.entry("EligibilityRequest.verdict", lists),
                Map.entry("EligibilityRequest.applicant", codes(Applicant.class, Applicant::code)),
                Map.entry("EligibilityRequest.school", codes(SchoolType.class, SchoolType::code)),
                Map.entry("EligibilityRequest.category", categories), Map.entry("EligibilityRequest.region", regions),
                Map.entry("Category.code", categories), Map.entry("Region.code", regions),
                Map.entry("Prefecture.region", regions));
    }

    /** Required fields, enums, integer request fields and code patterns on the component schemas. */
    @SuppressWarnings("rawtypes")
    static void describe(Map<String, Schema> schemas, Map<String, List<String>> enums) {
        OPTIONAL.forEach((name, optional) -> {
            Schema<?> schema = schemas.get(name);
            if (schema == null || !schema.getProperties().keySet().containsAll(optional)) {
                throw new IllegalStateException("ApiSchemas.OPTIONAL names a field " + name + " does not have: " + optional);
            }
        });
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() != null && !REQUESTS.contains(name)) {
                List<String> required = new ArrayList<>(schema.getProperties().keySet());
                required.removeAll(OPTIONAL.getOrDefault(name, Set.of()));
                schema.setRequired(required);
            }
        });
        enums.forEach((path, values) -> {
            String[] p = path.split("\\.");
            Schema<?> owner = schemas.get(p[0]);
            Schema<?> property = owner.getProperties().get(p[1]);
            if (property == null) {
                throw new IllegalStateException("No property " + path);
            }
            oneOf(property.getItems() != null ? property.getItems() : property, values);
        });
        Schema<?> request = schemas.get("EligibilityRequest");
        integer(request, "age", 0, null, 22);
        integer(request, "grade", 1, null, 4);
        integer(request, "groupSize", 1, null, 5);
        integer(request, "groupYoung", 0, null, 3);
        integer(request, "page", 1, null, 1);
        integer(request, "size", 1, jp.tsunagari.search.Discovery.MAX_SIZE, 20);
        request.getProperties().get("date").setFormat("date");
        twoDigits(request.getProperties().get("pref").getItems());
        Schema<?> prefecture = schemas.get("Prefecture");
        Schema<?> municipality = schemas.get("Municipality");
        twoDigits(prefecture.getProperties().get("code"));
        twoDigits(municipality.getProperties().get("prefecture"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void oneOf(Schema schema, List<String> values) {
        schema.setEnum(new ArrayList<>(values));
    }

    /** A field sent as a number (a string of digits is read too). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void integer(Schema owner, String name, Integer min, Integer max, int example) {
        Schema property = (Schema) owner.getProperties().get(name);
        property.setType("integer");
        property.setTypes(Set.of("integer"));
        property.setFormat("int32");
        property.setMinimum(min == null ? null : BigDecimal.valueOf(min));
        property.setMaximum(max == null ? null : BigDecimal.valueOf(max));
        property.setExample(example);
    }

    static void twoDigits(Schema<?> schema) {
        schema.setPattern("^[0-9]{2}$");
    }
}
