package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description served at /v3/api-docs is valid (swagger-parser reports nothing) and describes exactly the
 * API the application maps: every /api/v1 endpoint with its method, a summary, its parameters and a schema for every
 * JSON answer. Swagger UI is served from the application itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSpecTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String json;
    SwaggerParseResult parsed;
    OpenAPI api;

    /** One mapped API endpoint. */
    record Endpoint(String path, PathItem.HttpMethod method, HandlerMethod handler) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void readTheDescription() throws Exception {
        json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        parsed = new OpenAPIParser().readContents(json, null, parseOptions());
        api = parsed.getOpenAPI();
    }

    static ParseOptions parseOptions() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }

    /** Every /api/v1 handler method the application maps (a catch-all such as /api/** would not count). */
    List<Endpoint> mappedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                assertThat(methods).as("%s names its HTTP method", pattern).isNotEmpty();
                methods.forEach(m -> endpoints.add(new Endpoint(pattern, PathItem.HttpMethod.valueOf(m.name()), e.getValue())));
            }
        }
        return endpoints;
    }

    @Test
    void theDescriptionIsValidOpenApi() {
        assertThat(parsed.getMessages()).as("swagger-parser messages").isEmpty();
        // The parser does report problems: the same description with a broken reference and without info.
        SwaggerParseResult broken = new OpenAPIParser().readContents(json.replace("\"info\":", "\"information\":")
                .replace("#/components/schemas/ProgramPage", "#/components/schemas/Nothing"), null, parseOptions());
        assertThat(broken.getMessages()).anySatisfy(m -> assertThat(m).contains("info"))
                .anySatisfy(m -> assertThat(m).contains("Nothing"));
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("つながり施策カタログ API");
        assertThat(api.getInfo().getVersion()).isEqualTo("v1");
        assertThat(api.getInfo().getLicense().getName()).isNotBlank();
        assertThat(api.getComponents().getSchemas()).containsKeys("ProgramPage", "ProgramSummary", "ProgramDetail",
                "EligibilityRequest", "EligibilityResponse", "Problem", "FieldError").doesNotContainKey("ProblemDetail");
    }

    @Test
    void everyMappedEndpointIsDescribedAndNothingElse() {
        List<Endpoint> endpoints = mappedEndpoints();
        assertThat(endpoints).extracting(Endpoint::toString).contains("GET /api/v1/programs", "GET /api/v1/programs/{id}",
                "GET /api/v1/categories", "GET /api/v1/regions", "GET /api/v1/prefectures", "GET /api/v1/municipalities",
                "POST /api/v1/eligibility");
        Set<String> described = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(m -> described.add(m + " " + path)));
        assertThat(described).as("the description has every mapped endpoint and no other")
                .containsExactlyInAnyOrderElementsOf(endpoints.stream().map(Endpoint::toString).toList());
        assertThat(api.getPaths().keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void everyOperationIsExplainedAndEveryJsonAnswerHasASchema() {
        for (Endpoint e : mappedEndpoints()) {
            Operation op = api.getPaths().get(e.path()).readOperationsMap().get(e.method());
            assertThat(op).as(e.toString()).isNotNull();
            assertThat(op.getSummary() != null && !op.getSummary().isBlank()
                    || op.getDescription() != null && !op.getDescription().isBlank()).as("%s has a summary", e).isTrue();
            assertThat(op.getTags()).as("%s has a tag", e).isNotEmpty();
            ApiResponse ok = op.getResponses().get("200");
            assertThat(ok).as("%s documents its 200 answer", e).isNotNull();
            assertThat(ok.getContent()).as("%s answers JSON", e).containsKey("application/json");
            for (Map.Entry<String, MediaType> c : ok.getContent().entrySet()) {
                if (c.getKey().contains("json")) {
                    assertThat(c.getValue().getSchema()).as("%s 200 %s schema", e, c.getKey()).isNotNull();
                }
            }
            op.getResponses().forEach((code, response) -> {
                if (code.startsWith("4") && response.getContent() != null) {
                    assertThat(response.getContent()).as("%s %s", e, code).containsOnlyKeys("application/problem+json");
                }
            });
        }
    }

    @Test
    void everyParameterOfAHandlerIsDocumented() {
        for (Endpoint e : mappedEndpoints()) {
            Operation op = api.getPaths().get(e.path()).readOperationsMap().get(e.method());
            Map<String, String> documented = new LinkedHashMap<>();
            if (op.getParameters() != null) {
                for (Parameter p : op.getParameters()) {
                    documented.put(p.getName(), p.getIn());
                }
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (MethodParameter p : e.handler().getMethodParameters()) {
                p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                if (p.hasParameterAnnotation(RequestParam.class)) {
                    expected.put(p.getParameterName(), "query");
                } else if (p.hasParameterAnnotation(PathVariable.class)) {
                    expected.put(p.getParameterName(), "path");
                }
            }
            // Every operation also takes lang (the messages' language); every GET If-None-Match (conditional GET).
            expected.put("lang", "query");
            if (e.method() == PathItem.HttpMethod.GET) {
                expected.put("If-None-Match", "header");
            }
            assertThat(documented).as(e.toString()).isEqualTo(expected);
        }
        Operation search = api.getPaths().get("/api/v1/programs").getGet();
        assertThat(search.getParameters()).extracting(Parameter::getName).containsExactly("q", "category", "region",
                "pref", "audience", "channel", "status", "accepting", "confirmed", "ended", "sort", "page",
                "size", "lang", "If-None-Match");
        assertThat(api.getPaths().get("/api/v1/eligibility").getPost().getRequestBody().getContent())
                .containsKey("application/json");
    }

    @Test
    void swaggerUiIsServedFromTheApplication() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        String index = mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("swagger-ui-bundle.js").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("src=\"//").doesNotContain("href=\"//");
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css", "swagger-initializer.js")) {
            byte[] body = mvc.perform(get("/swagger-ui/" + asset)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            assertThat(body).as(asset).isNotEmpty();
        }
        String initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // Swagger UI's own default URL stays in the file, but the config URL springdoc adds replaces it.
        assertThat(initializer).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");
        String config = mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.parse(config).read("$.url", String.class)).isEqualTo("/v3/api-docs");
    }
}
