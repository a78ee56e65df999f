package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document is the API's contract: every operation driven over real HTTP (the whole filter chain:
 * ETag, 304, 405, 406, 415), each documented parameter with a value that gives results, each documented status; every
 * answer, header and example validated against the document (closed objects: a field the document does not declare
 * fails). The last test fails when an operation, status or parameter of the document was not exercised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    static final String PROGRAMS = "/api/v1/programs";
    static final String PROGRAM = "/api/v1/programs/{id}";
    static final String MUNICIPALITIES = "/api/v1/municipalities";

    @LocalServerPort
    int port;

    ContractDocument document;
    ContractCalls calls;

    @BeforeAll
    void readTheDocument() throws Exception {
        String json = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        document = new ContractDocument(json);
        calls = new ContractCalls("http://127.0.0.1:" + port, document);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Each filter with a value that gives programs, alone and with the others, then paging, sorting, English. */
    @Test
    @Order(1)
    void theSearchAnswersAsDocumented() {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("q", q("エール便"));
        filters.put("category", "gifts");
        filters.put("region", "tohoku");
        filters.put("pref", "02");
        filters.put("audience", "student");
        filters.put("channel", "delivery");
        filters.put("status", "ongoing");
        filters.put("ended", "include");
        filters.put("sort", "kana");
        filters.forEach((name, value) -> assertThat(total(calls.get(PROGRAMS, PROGRAMS + "?" + name + "=" + value)))
                .as("%s=%s gives programs", name, value).isPositive());
        // 受付状況 needs registered 受付期間 and 最近確認 a 最終確認日 within 15 months, which the seeded programs (as of
        // their 2025 source) do not have: these answers are checked, with no programs in them.
        for (String filter : List.of("accepting=now", "accepting=soon", "accepting=closed", "confirmed=recent")) {
            assertThat(total(calls.get(PROGRAMS, PROGRAMS + "?" + filter))).isNotNegative();
        }
        ContractCalls.Answer paged = calls.get(PROGRAMS, PROGRAMS + "?category=gifts&category=sns&page=2&size=1&lang=en");
        assertThat(paged.json().get("items")).hasSize(1);
        assertThat(paged.json().get("page").asInt()).isEqualTo(2);
        ContractCalls.Answer all = calls.get(PROGRAMS, PROGRAMS + "?size=100&ended=include");
        assertThat(all.json().get("items").size()).isEqualTo((int) Math.min(100, total(all)));
    }

    /** Every published program, through the API and through /programs.json, against ProgramDetail. */
    @Test
    @Order(2)
    void everyProgramAnswersAsDocumented() {
        ContractCalls.Answer list = calls.get(PROGRAMS, PROGRAMS + "?size=100&ended=include");
        assertThat(total(list)).as("the seeded catalogue fits one page").isLessThanOrEqualTo(100).isPositive();
        List<Long> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        for (long id : ids) {
            calls.get(PROGRAM, "/api/v1/programs/" + id + (id % 2 == 0 ? "?lang=en" : ""));
        }
        JsonNode json = ContractDocument.JSON.readTree(raw("/programs.json?ended=include"));
        assertThat(json).hasSize(ids.size());
        json.forEach(program -> assertThat(document.validate("/components/schemas/ProgramDetail", program))
                .as("/programs.json program %s", program.get("id")).isEmpty());
    }

    @Test
    @Order(3)
    void theCodeListsAnswerAsDocumented() {
        assertThat(calls.get("/api/v1/categories", "/api/v1/categories").json()).hasSize(5);
        assertThat(calls.get("/api/v1/regions", "/api/v1/regions?lang=en").json()).hasSize(8);
        assertThat(calls.get("/api/v1/prefectures", "/api/v1/prefectures").json()).hasSize(47);
        assertThat(calls.get(MUNICIPALITIES, MUNICIPALITIES).json().size()).isGreaterThan(1700);
        assertThat(calls.get(MUNICIPALITIES, MUNICIPALITIES + "?pref=14&lang=en").json()).isNotEmpty();
        calls.get("/api/v1/categories", "/api/v1/categories?lang=en");
        calls.get("/api/v1/prefectures", "/api/v1/prefectures?lang=en");
    }

    /** The checker at 100 a page with every answer and filter, each list, and unusable answers. */
    @Test
    @Order(4)
    void theCheckerAnswersAsDocumented() {
        String full = """
                {"age": 20, "hometown": "032018", "residence": "13", "school": "university", "grade": "2",
                 "familyHome": "03", "applicant": "self", "groupSize": 3, "groupYoung": 2, "date": "2026-04-01",
                 "verdict": "all", "page": 1, "size": 100, "category": ["gifts", "sns"], "region": ["tohoku"],
                 "pref": ["03"]}""";
        ContractCalls.Answer answer = calls.post("/api/v1/eligibility?lang=en", "application/json", full);
        assertThat(answer.json().get("programs")).isNotEmpty();
        ContractCalls.Answer hundred = calls.post("/api/v1/eligibility", "application/json",
                "{\"verdict\": \"all\", \"size\": 100}");
        assertThat(hundred.json().get("programs").size()).isEqualTo((int) Math.min(100, hundred.json().get("total").asLong()));
        for (String list : EligibilityApi.LIST_NAMES) {
            calls.post("/api/v1/eligibility", "application/json", "{\"age\": \"22\", \"verdict\": \"" + list + "\"}");
        }
        ContractCalls.Answer bad = calls.post("/api/v1/eligibility", "application/json",
                "{\"age\": \"abc\", \"verdict\": \"some\", \"size\": 101, \"pref\": [\"99\"], \"school\": \"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("parameter").asString())
                .contains("age", "verdict", "size", "pref", "school");
        assertThat(calls.post("/api/v1/eligibility", "application/json", "{\"page\": 101, \"size\": 100}").status())
                .isEqualTo(400);
        assertThat(calls.post("/api/v1/eligibility", "application/json", "{not json").status()).isEqualTo(400);
        assertThat(calls.post("/api/v1/eligibility", "text/plain", "age=20").status()).isEqualTo(415);
    }

    /** 304 with If-None-Match, 400, 404, 405 with Allow, 406 for every operation that documents them. */
    @Test
    @Order(5)
    void everyErrorStatusAnswersAsDocumented() {
        for (String[] get : List.of(new String[] {PROGRAMS, PROGRAMS + "?pref=02"}, new String[] {PROGRAM, "/api/v1/programs/5"},
                new String[] {"/api/v1/categories", "/api/v1/categories"}, new String[] {"/api/v1/regions", "/api/v1/regions"},
                new String[] {"/api/v1/prefectures", "/api/v1/prefectures"}, new String[] {MUNICIPALITIES, MUNICIPALITIES + "?pref=02"})) {
            ContractCalls.Answer first = calls.get(get[0], get[1]);
            assertThat(first.status()).isEqualTo(200);
            ContractCalls.Answer again = calls.get(get[0], get[1], "If-None-Match", first.header("ETag"));
            assertThat(again.status()).as(get[1]).isEqualTo(304);
            assertThat(calls.send("get", get[0], "DELETE", get[1], null, null).status()).isEqualTo(405);
            assertThat(calls.get(get[0], get[1], "Accept", "text/html").status()).isEqualTo(406);
        }
        assertThat(calls.get(PROGRAMS, PROGRAMS + "?pref=99&size=0&lang=en").json().get("errors")).hasSize(2);
        assertThat(calls.get(PROGRAMS, PROGRAMS + "?page=0").status()).isEqualTo(400);
        assertThat(calls.get(MUNICIPALITIES, MUNICIPALITIES + "?pref=99").status()).isEqualTo(400);
        assertThat(calls.get(PROGRAM, "/api/v1/programs/999999").status()).isEqualTo(404);
        assertThat(calls.get(PROGRAM, "/api/v1/programs/0?lang=en").status()).isEqualTo(404);
        assertThat(calls.send("post", "/api/v1/eligibility", "GET", "/api/v1/eligibility", null, null).status())
                .isEqualTo(405);
        assertThat(calls.post("/api/v1/eligibility", "application/json", "{}", "Accept", "text/html").status())
                .isEqualTo(406);
    }

    /** Every example in the document (schemas, parameters, media types) validates against its schema. */
    @Test
    @Order(6)
    void everyExampleOfTheDocumentValidates() {
        List<Map.Entry<String, JsonNode>> examples = document.examples();
        assertThat(examples).hasSizeGreaterThan(20);
        for (Map.Entry<String, JsonNode> e : examples) {
            assertThat(document.validate(e.getKey(), e.getValue())).as("example at %s: %s", e.getKey(), e.getValue())
                    .isEmpty();
        }
    }

    /** The example answers of docs/open-data.md ("<!-- contract: method path status -->" before a json block). */
    @Test
    @Order(7)
    void theExampleAnswersOfTheDocsValidate() throws Exception {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/open-data.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<!-- contract: (\\w+) (\\S+) (\\d{3}) -->\\n```json\\n(.*?)\\n```", java.util.regex.Pattern.DOTALL).matcher(page);
        int found = 0;
        while (m.find()) {
            String responses = "/paths/" + ContractDocument.segment(m.group(2)) + "/" + m.group(1) + "/responses/" + m.group(3);
            String media = m.group(3).startsWith("2") ? "application/json" : ApiDocument.PROBLEM_JSON;
            assertThat(document.validate(responses + "/content/" + ContractDocument.segment(media) + "/schema",
                    ContractDocument.JSON.readTree(m.group(4)))).as("docs/open-data.md example for %s", m.group(0)
                    .lines().findFirst().orElseThrow()).isEmpty();
            found++;
        }
        assertThat(found).as("marked examples in docs/open-data.md").isGreaterThanOrEqualTo(3);
    }

    /** The checks can fail: a real answer with an undeclared field, a null, a missing field or an unknown code. */
    @Test
    @Order(8)
    void theValidationRefusesWhatTheDocumentDoesNotSay() {
        String schema = "/components/schemas/ProgramDetail";
        JsonNode program = calls.get(PROGRAM, "/api/v1/programs/5").json();
        assertThat(document.validate(schema, program)).isEmpty();
        tools.jackson.databind.node.ObjectNode changed = (tools.jackson.databind.node.ObjectNode) program.deepCopy();
        changed.put("addedField", 1);
        assertThat(document.validate(schema, changed)).anySatisfy(p -> assertThat(p).contains("addedField"));
        changed = (tools.jackson.databind.node.ObjectNode) program.deepCopy();
        changed.putNull("nameKana");
        assertThat(document.validate(schema, changed)).anySatisfy(p -> assertThat(p).contains("nameKana"));
        changed = (tools.jackson.databind.node.ObjectNode) program.deepCopy();
        changed.remove("confirmation");
        assertThat(document.validate(schema, changed)).anySatisfy(p -> assertThat(p).contains("confirmation"));
        changed = (tools.jackson.databind.node.ObjectNode) program.deepCopy();
        changed.put("status", "paused");
        ((tools.jackson.databind.node.ObjectNode) changed.get("organizer")).put("extra", "x");
        assertThat(document.validate(schema, changed)).hasSizeGreaterThanOrEqualTo(2);
        JsonNode springProblem = ContractDocument.JSON.readTree(
                "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":400,\"detail\":\"d\",\"instance\":\"/x\",\"properties\":{}}");
        assertThat(document.validate("/components/schemas/Problem", springProblem)).isNotEmpty();
    }

    /** Runs last: the tests above exercised every operation, every documented status and every parameter. */
    @Test
    @Order(100)
    void everyOperationStatusAndParameterOfTheDocumentWasExercised() {
        Set<String> documented = new TreeSet<>();
        Set<String> missingParameters = new TreeSet<>();
        document.document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            op.getValue().get("responses").propertyNames().forEach(status -> documented.add(name + " " + status));
            op.getValue().path("parameters").forEach(p -> {
                if (!"path".equals(p.get("in").asString())
                        && !calls.parameters.getOrDefault(name, Set.of()).contains(p.get("name").asString())) {
                    missingParameters.add(name + " " + p.get("name").asString());
                }
            });
        }));
        assertThat(documented).hasSizeGreaterThan(30);
        assertThat(calls.exercised).as("operations and statuses driven").containsAll(documented);
        assertThat(missingParameters).as("documented parameters never sent").isEmpty();
    }

    private static long total(ContractCalls.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("total").asLong();
    }

    private String raw(String uri) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + uri)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (Exception e) {
            throw new AssertionError(uri, e);
        }
    }
}
