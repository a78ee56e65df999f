package jp.tsunagari.opendata;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.Category;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Region;
import jp.tsunagari.search.Codes;
import jp.tsunagari.search.Discovery;
import jp.tsunagari.search.DiscoveryFilters;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The served OpenAPI document as the API's contract (docs/open-data.md, "JSON API"): code lists as enums, integers as
 * integers with their bounds, conditional GET (If-None-Match, ETag, 304), every error status with one problem schema,
 * {@code security: []}. Its snapshot is docs/openapi.json; OpenApiContractTest drives every operation against it.
 */
@Component
class ApiDocument implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    private final CategoryEditor categories;
    private final Places places;
    private final MessageSource messages;

    ApiDocument(CategoryEditor categories, Places places, MessageSource messages) {
        this.categories = categories;
        this.places = places;
        this.messages = messages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        api.setSecurity(new ArrayList<>());
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.remove("ProblemDetail");
        schemas.put("Problem", problem());
        Map<String, Schema<?>> field = new LinkedHashMap<>();
        field.put("parameter", string("The parameter or field", "pref"));
        field.put("value", string("The value sent (left out when there was none)", "99"));
        field.put("message", string("What is wrong, in the request's language", message("catalogue.filter.error.pref", "99")));
        schemas.put("FieldError", object(field).description("One unusable parameter or field"));
        List<String> categoryCodes = categories.all().stream().map(Category::code).toList();
        List<String> regionCodes = places.regions().stream().map(Region::code).toList();
        ApiSchemas.describe(schemas, ApiSchemas.enums(categoryCodes, regionCodes, EligibilityApi.LIST_NAMES));
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("category", categoryCodes);
        filters.put("region", regionCodes);
        filters.put("audience", ApiSchemas.codes(Audience.class, Audience::code));
        filters.put("channel", ApiSchemas.codes(Channel.class, Codes::channel));
        filters.put("status", ApiSchemas.codes(Lifecycle.class, Codes::status));
        filters.put("accepting", DiscoveryFilters.ACCEPTING);
        filters.put("confirmed", List.of(DiscoveryFilters.RECENT));
        filters.put("ended", List.of(DiscoveryFilters.INCLUDE));
        filters.put("sort", DiscoveryFilters.SORTS);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation(path, method, operation, filters)));
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation, Map<String, List<String>> filters) {
        boolean get = method == PathItem.HttpMethod.GET;
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn())) || operation.getRequestBody() != null;
        boolean byId = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        parameters.forEach(p -> parameter(p, filters));
        parameters.add(new Parameter().in("query").name("lang").required(false)
                .description("Language of names in messages and problem texts: ja (default) or en")
                .schema(oneOf(string(null, null), List.of("ja", "en"))).example("en"));
        if (get) {
            parameters.add(new Parameter().in("header").name("If-None-Match").required(false)
                    .description("The ETag of an earlier answer: 304 Not Modified while the answer is the same")
                    .schema(string(null, null)).example("\"0a1b2c3d4e5f60718293a4b5c6d7e8f90\""));
        }
        operation.setParameters(parameters);
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.get("200");
        ok.setHeaders(headers(get));
        if (get) {
            responses.addApiResponse("304", new ApiResponse().description("Not Modified: the answer whose ETag was sent in"
                    + " If-None-Match is still current (no body)").headers(headers(true)));
        }
        if (query) {
            responses.addApiResponse("400", problem(responses.get("400"), "Unusable parameters or answers: errors says"
                    + " which and why", invalidExample(path)));
        }
        if (byId) {
            responses.addApiResponse("404", problem(responses.get("404"), "No published program with this id", null));
        }
        responses.addApiResponse("405", problem(null, "The path does not take this method (Allow lists those it takes)",
                null).headers(Map.of("Allow", new Header().description("The methods the path takes").required(true)
                .schema(string(null, get ? "GET" : "POST")))));
        responses.addApiResponse("406", problem(null, "The Accept header does not allow JSON", null));
        if (!get) {
            responses.addApiResponse("415", problem(null, "The body is not application/json", null));
        }
    }

    private void parameter(Parameter p, Map<String, List<String>> filters) {
        Schema<?> schema = p.getSchema();
        Schema<?> value = schema.getItems() != null ? schema.getItems() : schema;
        switch (p.getName()) {
            case "pref" -> {
                ApiSchemas.twoDigits(value);
                p.setExample(schema.getItems() != null ? List.of("02") : "02");
            }
            case "page" -> integer(p, "int32", 1, DiscoveryFilters.MAX_PAGE, 1);
            case "size" -> integer(p, "int32", 1, Discovery.MAX_SIZE, 20).getSchema().setDefault(20);
            case "id" -> integer(p, "int64", 1, null, 5);
            default -> {
                if (filters.containsKey(p.getName())) {
                    oneOf(value, filters.get(p.getName()));
                    p.setExample(schema.getItems() != null ? List.of(filters.get(p.getName()).get(0))
                            : filters.get(p.getName()).get(0));
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Parameter integer(Parameter p, String format, int min, Integer max, long example) {
        Schema schema = new Schema<>().specVersion(SpecVersion.V31).type("integer").types(Set.of("integer"))
                .format(format).minimum(BigDecimal.valueOf(min));
        if (max != null) {
            schema.setMaximum(BigDecimal.valueOf(max));
        }
        return p.schema(schema).example(example);
    }

    private static Map<String, Header> headers(boolean etag) {
        Map<String, Header> headers = new LinkedHashMap<>();
        if (etag) {
            headers.put("ETag", new Header().description("A hash of the body; send it back in If-None-Match")
                    .required(true).schema(string(null, "\"0a1b2c3d4e5f60718293a4b5c6d7e8f90\"")));
        }
        headers.put("Cache-Control", new Header().description("May be stored, but must be revalidated with the ETag")
                .required(true).schema(oneOf(string(null, "no-cache"), List.of("no-cache"))));
        return headers;
    }

    private static ApiResponse problem(ApiResponse documented, String description, Map<String, Object> example) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        if (example != null) {
            media.setExample(example);
        }
        return new ApiResponse().description(documented != null && documented.getDescription() != null
                ? documented.getDescription() : description).content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private Map<String, Object> invalidExample(String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ApiProblem.TYPE_BASE + "invalid-parameters");
        example.put("title", message("api.problem.invalid-parameters"));
        example.put("status", 400);
        example.put("detail", message("api.problem.invalid-parameters.detail"));
        example.put("instance", path);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameter", "pref");
        error.put("value", "99");
        error.put("message", message("catalogue.filter.error.pref", "99"));
        example.put("errors", List.of(error));
        return example;
    }

    private Schema<?> problem() {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        properties.put("type", string("The kind of problem: " + ApiProblem.TYPE_BASE + " followed by invalid-parameters,"
                + " not-found, unreadable-body, unsupported-media-type, method-not-allowed or not-acceptable",
                ApiProblem.TYPE_BASE + "invalid-parameters").format("uri"));
        properties.put("title", string("The kind of problem in words", message("api.problem.invalid-parameters")));
        properties.put("status", new Schema<>().specVersion(SpecVersion.V31).type("integer").types(Set.of("integer"))
                .format("int32").minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).example(400));
        properties.put("detail", string("What to do", message("api.problem.invalid-parameters.detail")));
        properties.put("instance", string("The path asked for", "/api/v1/programs").format("uri-reference"));
        properties.put("errors", new Schema<>().specVersion(SpecVersion.V31).type("array").types(Set.of("array"))
                .description("For unusable parameters or answers: each one with what is wrong")
                .items(new Schema<>().$ref("#/components/schemas/FieldError")));
        return object(properties).description("RFC 9457 problem details, in Japanese unless lang=en");
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.JAPANESE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> object(Map<String, ? extends Schema<?>> properties) {
        Schema schema = new Schema<>().specVersion(SpecVersion.V31).type("object").types(Set.of("object"));
        schema.setProperties(new LinkedHashMap<>(properties));
        return schema;
    }

    private static Schema<?> string(String description, String example) {
        Schema<Object> schema = new Schema<>().specVersion(SpecVersion.V31).type("string").types(Set.of("string"));
        if (description != null) {
            schema.setDescription(description);
        }
        if (example != null) {
            schema.setExample(example);
        }
        return schema;
    }

    private static Schema<?> oneOf(Schema<?> schema, List<String> values) {
        ApiSchemas.oneOf(schema, values);
        return schema;
    }
}
