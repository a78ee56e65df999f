package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.place.LgCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The JSON API under /api/v1 on the shared test database (read only): the /programs search with its filters, facets
 * and paging, one program with everything, the code lists, the eligibility checker, problem+json for every failure,
 * and conditional GET.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgramsApiTest {

    static final String PROBLEMS = "https://tsunagari.example.jp/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    /** A GET of {@code path} with query parameters given as name, value, name, value… (sent unencoded by MockMvc). */
    static MockHttpServletRequestBuilder request(String path, String... params) {
        MockHttpServletRequestBuilder b = get(path);
        for (int i = 0; i < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        return b;
    }

    DocumentContext ok(String path, String... params) throws Exception {
        MvcResult r = mvc.perform(request(path, params)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON)).andReturn();
        return JsonPath.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String raw(String path, String... params) throws Exception {
        return mvc.perform(request(path, params)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    DocumentContext problem(MockHttpServletRequestBuilder request, int status, String kind) throws Exception {
        MvcResult r = mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON)).andReturn();
        DocumentContext doc = JsonPath.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(doc.read("$.type", String.class)).isEqualTo(PROBLEMS + kind);
        assertThat(doc.read("$.status", Integer.class)).isEqualTo(status);
        assertThat(doc.read("$.title", String.class)).isNotBlank();
        assertThat(doc.read("$.detail", String.class)).isNotBlank();
        return doc;
    }

    static List<Long> ids(DocumentContext page) {
        List<Number> ids = page.read("$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    static long total(DocumentContext page) {
        return page.read("$.total", Long.class);
    }

    List<Long> allIds() throws Exception {
        return ids(ok("/api/v1/programs", "size", "100"));
    }

    // --- /api/v1/programs: filters ------------------------------------------------------------------------------

    @Test
    void aomoriListsItsOwnProgramsAndTheOneWithAnExampleGroupThere() throws Exception {
        DocumentContext page = ok("/api/v1/programs", "pref", "02");
        assertThat(total(page)).isEqualTo(3);
        assertThat(ids(page)).containsExactly(5L, 9L, 13L);
        assertThat(page.read("$.sort", String.class)).isEqualTo("source");

        assertThat(page.read("$.items[0].name", String.class)).isEqualTo("ふるさと南部からのエール便");
        assertThat(page.read("$.items[0].organizer.lgCode", Object.class)).isEqualTo("024457");
        assertThat(page.read("$.items[0].organizer.prefecture.code", Object.class)).isEqualTo("02");
        assertThat(page.read("$.items[0].organizer.prefecture.nameJa", String.class)).isEqualTo("青森県");
        assertThat(page.read("$.items[0].organizer.municipality.nameJa", String.class)).isEqualTo("南部町");
        assertThat(page.read("$.items[0].category.code", String.class)).isEqualTo("gifts");

        assertThat(page.read("$.items[1].name", String.class)).isEqualTo("五戸まちづくりワールドカフェ");
        assertThat(page.read("$.items[1].organizer.lgCode", Object.class)).isEqualTo("024422");
        assertThat(page.read("$.items[1].organizer.municipality.nameJa", String.class)).isEqualTo("五戸町");

        assertThat(page.read("$.items[2].name", String.class)).isEqualTo("ネオ県人会");
        assertThat(page.read("$.items[2]", java.util.Map.class)).as("absent values are left out").doesNotContainKey("organizer");
        List<Object> examples = page.read("$.items[2].examplePrefectures[*].code");
        assertThat(examples).contains("02");

        // Codes are JSON strings with their leading zeros, never numbers.
        String body = raw("/api/v1/programs", "pref", "02");
        assertThat(body).contains("\"lgCode\":\"024457\"").contains("\"code\":\"02\"").doesNotContain("\"lgCode\":24457");
    }

    @Test
    void textFindsTheFourLinePrograms() throws Exception {
        for (String q : List.of("LINE", "line", "ＬＩＮＥ")) {
            DocumentContext page = ok("/api/v1/programs", "q", q);
            assertThat(ids(page)).as(q).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
            assertThat(total(page)).as(q).isEqualTo(4);
        }
        assertThat(total(ok("/api/v1/programs", "q", "存在しない言葉"))).isZero();
    }

    @Test
    void categoryRegionAndAudienceFilter() throws Exception {
        assertThat(ids(ok("/api/v1/programs", "category", "gifts"))).containsExactly(5L, 6L, 7L, 8L);
        assertThat(ids(ok("/api/v1/programs", "category", "sns", "category", "gifts")))
                .as("values of one filter are alternatives").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(ids(ok("/api/v1/programs", "region", "tohoku"))).containsExactlyInAnyOrder(5L, 6L, 7L, 9L, 13L);
        assertThat(ids(ok("/api/v1/programs", "audience", "guardian"))).containsExactlyInAnyOrder(5L, 6L, 7L, 8L);
        assertThat(ids(ok("/api/v1/programs", "audience", "group"))).containsExactly(10L);
        assertThat(ids(ok("/api/v1/programs", "category", "gifts", "region", "tohoku")))
                .as("filters combine").containsExactlyInAnyOrder(5L, 6L, 7L);
        assertThat(ids(ok("/api/v1/programs", "q", "エール便", "pref", "03"))).containsExactly(7L);
    }

    @Test
    void everyRegionResultIsOrganisedOrHasAnExampleInThatRegion() throws Exception {
        DocumentContext regions = ok("/api/v1/regions");
        List<String> tohoku = regions.read("$[?(@.code == 'tohoku')].prefectures[*]");
        DocumentContext page = ok("/api/v1/programs", "region", "tohoku");
        List<Map<String, Object>> items = page.read("$.items");
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            DocumentContext one = JsonPath.parse(item);
            List<String> places = new ArrayList<>(one.read("$.examplePrefectures[*].code"));
            if (item.get("organizer") != null) {
                places.add(one.read("$.organizer.prefecture.code"));
            }
            assertThat(places).as("program " + item.get("id")).containsAnyElementsOf(tohoku);
        });
    }

    @Test
    void sortOrders() throws Exception {
        assertThat(ids(ok("/api/v1/programs", "size", "100"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(ok("/api/v1/programs", "sort", "source", "size", "100").read("$.sort", String.class)).isEqualTo("source");

        DocumentContext reach = ok("/api/v1/programs", "sort", "reach", "size", "100");
        assertThat(reach.read("$.sort", String.class)).isEqualTo("reach");
        assertThat(ids(reach).subList(0, 4)).containsExactly(1L, 2L, 3L, 4L);
        List<Number> reachValues = reach.read("$.items[0:4].keyMetric.value");
        assertThat(reachValues.stream().map(Number::longValue).toList()).containsExactly(5390L, 5218L, 3081L, 1997L);
        assertThat(ids(reach)).hasSize(15);

        DocumentContext start = ok("/api/v1/programs", "sort", "start", "size", "100");
        List<Map<String, Object>> startItems = start.read("$.items");
        List<String> starts = startItems.stream().map(i -> (String) i.get("start")).toList(); // absent: null here
        List<String> known = starts.stream().takeWhile(s -> s != null).toList();
        assertThat(known).as("newest first").isSortedAccordingTo(Comparator.reverseOrder()).hasSize(4);
        assertThat(starts.subList(known.size(), starts.size())).as("programs without a start last").containsOnlyNulls();

        DocumentContext kana = ok("/api/v1/programs", "sort", "kana", "size", "100");
        List<String> readings = new ArrayList<>();
        for (long id : ids(kana)) {
            readings.add(ok("/api/v1/programs/" + id).read("$.nameKana", String.class));
        }
        assertThat(readings).hasSize(15).isSorted();
    }

    @Test
    void pagingSlicesTheSameListAndKeepsTheTotal() throws Exception {
        List<Long> all = allIds();
        assertThat(all).hasSize(15);

        DocumentContext first = ok("/api/v1/programs", "size", "2");
        assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(total(first)).isEqualTo(15);
        assertThat(first.read("$.page", Integer.class)).isEqualTo(1);
        assertThat(first.read("$.size", Integer.class)).isEqualTo(2);

        assertThat(ids(ok("/api/v1/programs", "size", "2", "page", "2"))).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(ids(ok("/api/v1/programs", "size", "2", "page", "8"))).containsExactly(all.get(14));
        DocumentContext beyond = ok("/api/v1/programs", "size", "2", "page", "9");
        assertThat(ids(beyond)).isEmpty();
        assertThat(total(beyond)).isEqualTo(15);
        assertThat(ids(ok("/api/v1/programs", "page", "100000"))).isEmpty();

        List<Long> stitched = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            stitched.addAll(ids(ok("/api/v1/programs", "size", "4", "page", Integer.toString(p))));
        }
        assertThat(stitched).containsExactlyElementsOf(all);
        assertThat(ids(ok("/api/v1/programs"))).as("20 by default").hasSize(15);
    }

    // --- facets ---------------------------------------------------------------------------------------------------

    /** Every facet count equals the total of the same search with that value chosen for its filter instead. */
    @ParameterizedTest
    @ValueSource(strings = {"", "pref=02", "q=エール便", "category=gifts&region=tohoku", "audience=student&status=ongoing"})
    void facetCountsAreWhatChoosingTheValueGives(String query) throws Exception {
        Map<String, List<String>> base = parse(query);
        DocumentContext page = ok("/api/v1/programs", flatten(base));
        Map<String, Map<String, Number>> facets = page.read("$.facets");
        assertThat(facets.keySet()).containsExactlyInAnyOrder("category", "region", "pref", "audience", "channel", "status",
                "accepting", "confirmed");
        for (var dimension : facets.entrySet()) {
            for (var value : dimension.getValue().entrySet()) {
                Map<String, List<String>> chosen = new LinkedHashMap<>(base);
                chosen.put(dimension.getKey(), List.of(value.getKey()));
                assertThat(total(ok("/api/v1/programs", flatten(chosen))))
                        .as("%s=%s under %s", dimension.getKey(), value.getKey(), query)
                        .isEqualTo(value.getValue().longValue());
            }
        }
    }

    @Test
    void categoryFacetCoversEveryCategoryThatGivesResults() throws Exception {
        Map<String, Number> facet = ok("/api/v1/programs", "pref", "02").read("$.facets.category");
        assertThat(facet).containsOnlyKeys("gifts", "co-creation", "alumni-exchange");
        List<String> codes = ok("/api/v1/categories").read("$[*].code");
        for (String code : codes) {
            long alone = total(ok("/api/v1/programs", "pref", "02", "category", code));
            assertThat(alone).as(code).isEqualTo(facet.containsKey(code) ? facet.get(code).longValue() : 0L);
        }
        Map<String, Number> all = ok("/api/v1/programs").read("$.facets.category");
        assertThat(all.values().stream().mapToLong(Number::longValue).sum()).as("one category per program").isEqualTo(15);
    }

    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
        }
        return params;
    }

    static String[] flatten(Map<String, List<String>> params) {
        List<String> flat = new ArrayList<>();
        params.forEach((k, vs) -> vs.forEach(v -> {
            flat.add(k);
            flat.add(v);
        }));
        return flat.toArray(String[]::new);
    }

    // --- invalid parameters -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"pref,99", "size,0", "size,101", "size,ten", "sort,x", "page,0", "page,-1", "category,<script>",
            "region,mars", "audience,aliens", "channel,fax", "status,x"})
    void invalidParametersAreProblemsNamingParameterAndValue(String parameter, String value) throws Exception {
        DocumentContext p = problem(request("/api/v1/programs", parameter, value), 400, "invalid-parameters");
        assertThat(p.read("$.title", String.class)).isEqualTo("パラメータが正しくありません");
        assertThat(p.read("$.errors[*].parameter", List.class)).containsExactly(parameter);
        assertThat(p.read("$.errors[0].value", String.class)).as("the value as sent, as a JSON string").isEqualTo(value);
        assertThat(p.read("$.errors[0].message", String.class)).isNotBlank();
    }

    @Test
    void everyInvalidParameterIsListedAtOnce() throws Exception {
        DocumentContext p = problem(request("/api/v1/programs", "pref", "99", "size", "0", "sort", "x", "page", "0",
                "category", "<script>"), 400, "invalid-parameters");
        assertThat(p.read("$.errors[*].parameter", List.class))
                .containsExactlyInAnyOrder("pref", "size", "sort", "page", "category");
        assertThat(p.read("$.errors[?(@.parameter == 'category')].value", List.class)).containsExactly("<script>");
    }

    @Test
    void tooLongTextIsAProblem() throws Exception {
        DocumentContext p = problem(request("/api/v1/programs", "q", "あ".repeat(201)), 400, "invalid-parameters");
        assertThat(p.read("$.errors[*].parameter", List.class)).containsExactly("q");
    }

    @Test
    void problemsAreInEnglishWithLangEn() throws Exception {
        DocumentContext p = problem(request("/api/v1/programs", "pref", "99", "size", "101", "lang", "en"), 400,
                "invalid-parameters");
        assertThat(p.read("$.title", String.class)).isEqualTo("Invalid parameters");
        assertThat(p.read("$.detail", String.class)).isEqualTo("Some values cannot be used. See each item of errors.");
        assertThat(p.read("$.errors[?(@.parameter == 'size')].message", List.class))
                .containsExactly("The size \"101\" cannot be used. Give a whole number from 1 to 100.");
        assertThat(p.read("$.errors[?(@.parameter == 'pref')].message", List.class).get(0).toString())
                .contains("99").doesNotContainPattern("\\p{IsHan}");
        DocumentContext notFound = problem(request("/api/v1/programs/99999", "lang", "en"), 404, "not-found");
        assertThat(notFound.read("$.title", String.class)).isEqualTo("Not found");
    }

    // --- one program ----------------------------------------------------------------------------------------------

    @Test
    void oneProgramHasEverything() throws Exception {
        DocumentContext p = ok("/api/v1/programs/5");
        assertThat(p.read("$.id", Long.class)).isEqualTo(5);
        assertThat(p.read("$.name", String.class)).isEqualTo("ふるさと南部からのエール便");
        assertThat(p.read("$.nameKana", String.class)).isEqualTo("ふるさとなんぶからのえーるびん");
        assertThat(p.read("$.url", String.class)).endsWith("/programs/5");
        assertThat(p.read("$.category.code", String.class)).isEqualTo("gifts");
        assertThat(p.read("$.organizer.lgCode", Object.class)).isEqualTo("024457");
        assertThat(p.read("$.organizer.municipality.nameJa", String.class)).isEqualTo("南部町");
        assertThat(p.read("$.channel", String.class)).isEqualTo("delivery");
        assertThat(p.read("$.status", String.class)).isEqualTo("ongoing");
        assertThat(p.read("$.benefit", String.class)).isEqualTo("町内で生産・加工された特産品の詰め合わせ");
        assertThat(p.read("$.eligibilityText", String.class)).contains("自宅外から通学している方\n※ 申請は");
        assertThat(p.read("$.audiences", List.class)).containsExactly("student", "guardian");

        assertThat(p.read("$.sections[*].heading", List.class)).containsExactly("【概要】", "【具体的な発送内容】");
        List<List<?>> items = p.read("$.sections[*].items");
        assertThat(items).allSatisfy(list -> assertThat(list).isNotEmpty());
        assertThat(p.read("$.sections[1].items[0].text", String.class)).isEqualTo("町内で生産・加工された特産品の詰め合わせ");
        assertThat(p.read("$.sections[1].items[0].kind", String.class)).isEqualTo("bullet");

        assertThat(p.read("$.eligibility", List.class)).hasSize(1);
        assertThat(p.read("$.eligibility[0].label", String.class)).startsWith("大学等に修学し");
        assertThat(p.read("$.eligibility[0].criteria[*].type", List.class))
                .containsExactly("student", "living-away", "applicant", "residence");
        assertThat(p.read("$.eligibility[0].criteria[0].schools", String.class)).startsWith("university,kosen:4-5");
        assertThat(p.read("$.eligibility[0].criteria[1].strength", String.class)).isEqualTo("soft");
        assertThat(p.read("$.eligibility[0].criteria[2].applicants", List.class)).containsExactly("guardian");
        assertThat(p.read("$.eligibility[0].criteria[3].subject", String.class)).isEqualTo("family");
        assertThat(p.read("$.eligibility[0].criteria[3].areas[0].code", Object.class)).isEqualTo("024457");
        assertThat(p.read("$.eligibility[0].criteria[3].areas[0].nameJa", String.class)).isEqualTo("南部町");

        assertThat(p.read("$.source.title", String.class)).isEqualTo("「地域とのつながり」に関する施策事例");
        assertThat(p.read("$.source.asOf", Object.class)).isEqualTo("2025-03-04");
        assertThat(p.read("$.source.section", String.class)).isEqualTo("2 地元産品の贈り物");
        assertThat(p.read("$.source.order", Integer.class)).isEqualTo(5);
        assertThat(Instant.parse(p.read("$.updatedAt", String.class))).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void reachFiguresHaveTheirValueAndDate() throws Exception {
        DocumentContext p = ok("/api/v1/programs/1");
        assertThat(p.read("$.metrics", List.class)).hasSize(1);
        assertThat(p.read("$.metrics[0].value", Object.class)).isEqualTo(5390);
        assertThat(p.read("$.metrics[0].asOf", Object.class)).isEqualTo("2025-03-04");
        assertThat(p.read("$.metrics[0].labelJa", String.class)).isEqualTo("LINE友だち数");
        assertThat(p.read("$.metrics[0].unitJa", String.class)).isEqualTo("名");
        assertThat(p.read("$.start", String.class)).isEqualTo("2022-03");
        assertThat(p.read("$.organizer.lgCode", Object.class)).as("a prefecture's own code").isEqualTo("090000");
        assertThat(p.read("$.organizer", java.util.Map.class)).doesNotContainKey("municipality");

        DocumentContext neo = ok("/api/v1/programs/13");
        assertThat(neo.read("$", java.util.Map.class)).doesNotContainKey("organizer");
        assertThat(neo.read("$.examples[*].prefecture.code", List.class)).containsExactly("02", "03", "15");
        assertThat(neo.read("$.dataNotes", List.class)).hasSize(1);
    }

    @Test
    void everyListedProgramHasADetailThatAgreesWithIt() throws Exception {
        List<Map<String, Object>> items = ok("/api/v1/programs", "size", "100").read("$.items");
        assertThat(items).hasSize(15);
        for (Map<String, Object> item : items) {
            DocumentContext detail = ok("/api/v1/programs/" + item.get("id"));
            assertThat(detail.read("$.name", String.class)).isEqualTo(item.get("name"));
            assertThat(detail.read("$.category", Object.class)).isEqualTo(item.get("category"));
            assertThat(detail.read("$", Map.class).get("organizer")).as("both absent or equal").isEqualTo(item.get("organizer"));
            assertThat(detail.read("$.url", String.class)).isEqualTo(item.get("url"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "abc", "0", "-1", "5.0", "1e3", "99999999999999999999"})
    void unknownProgramsAre404Problems(String id) throws Exception {
        DocumentContext p = problem(get("/api/v1/programs/" + id), 404, "not-found");
        assertThat(p.read("$.title", String.class)).isEqualTo("見つかりません");
    }

    @Test
    void unknownApiPathsAre404ProblemsNotPages() throws Exception {
        problem(get("/api/v1/nothing"), 404, "not-found");
        problem(get("/api/v2/programs"), 404, "not-found");
        problem(get("/api/v1/nothing").accept(MediaType.TEXT_HTML), 404, "not-found");
        problem(get("/api/v1/programs/5/more"), 404, "not-found");
        problem(post("/api/v1/nothing"), 404, "not-found");
        problem(get("/api"), 404, "not-found");
        assertThat(problem(request("/api/v1/nothing", "lang", "en"), 404, "not-found").read("$.title", String.class))
                .isEqualTo("Not found");
    }

    @Test
    void wrongMethodsAreProblemsNamingTheAllowedOnes() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/eligibility"), post("/api/v1/programs"),
                delete("/api/v1/programs/5"), put("/api/v1/categories"))) {
            DocumentContext p = problem(request, 405, "method-not-allowed");
            assertThat(p.read("$.title", String.class)).isEqualTo("このメソッドは使えません");
        }
        assertThat(mvc.perform(get("/api/v1/eligibility")).andReturn().getResponse().getHeader("Allow")).isEqualTo("POST");
        assertThat(mvc.perform(delete("/api/v1/programs/5")).andReturn().getResponse().getHeader("Allow")).contains("GET");
    }

    @Test
    void bodiesThatAreNotJsonAreProblems() throws Exception {
        problem(post("/api/v1/eligibility").contentType(MediaType.TEXT_PLAIN).content("age=20"), 415,
                "unsupported-media-type");
        problem(post("/api/v1/eligibility").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("age", "20"), 415,
                "unsupported-media-type");
    }

    @Test
    void answersThatCannotBeJsonAreProblemsAndJsonClientsGetProblems() throws Exception {
        problem(get("/api/v1/programs").accept(MediaType.TEXT_HTML), 406, "not-acceptable");
        problem(get("/api/v1/programs/5").accept(MediaType.APPLICATION_XML), 406, "not-acceptable");
        // A client that accepts only JSON still gets its problems.
        problem(request("/api/v1/programs", "pref", "99").accept(MediaType.APPLICATION_JSON), 400, "invalid-parameters");
        problem(get("/api/v1/programs/99999").accept(MediaType.APPLICATION_JSON), 404, "not-found");
    }

    // --- code lists -----------------------------------------------------------------------------------------------

    @Test
    void categories() throws Exception {
        DocumentContext c = ok("/api/v1/categories");
        assertThat(c.read("$[*].code", List.class)).containsExactly("sns", "gifts", "co-creation", "alumni-exchange", "other");
        assertThat(c.read("$[*].number", List.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.read("$[1].nameJa", String.class)).isEqualTo("地元産品等の贈り物");
        assertThat(c.read("$[*].nameEn", List.class)).doesNotContainNull();
    }

    @Test
    void regionsCoverThe47PrefecturesOnce() throws Exception {
        DocumentContext r = ok("/api/v1/regions");
        assertThat(r.read("$[*].code", List.class)).containsExactly("hokkaido", "tohoku", "kanto", "chubu", "kinki",
                "chugoku", "shikoku", "kyushu-okinawa");
        List<String> prefectures = r.read("$[*].prefectures[*]");
        assertThat(prefectures).hasSize(47).doesNotHaveDuplicates();
        assertThat(r.read("$[1].prefectures", List.class)).containsExactly("02", "03", "04", "05", "06", "07");
    }

    @Test
    void prefectures() throws Exception {
        DocumentContext p = ok("/api/v1/prefectures");
        List<Object> codes = p.read("$[*].code");
        assertThat(codes).hasSize(47);
        for (int i = 0; i < 47; i++) {
            assertThat(codes.get(i)).isEqualTo(String.format("%02d", i + 1));
        }
        assertThat(p.read("$[0].lgCode", Object.class)).isEqualTo("010006");
        assertThat(p.read("$[0].nameJa", String.class)).isEqualTo("北海道");
        assertThat(p.read("$[0].region", String.class)).isEqualTo("hokkaido");
        List<String> lgCodes = p.read("$[*].lgCode");
        assertThat(lgCodes).allSatisfy(code -> assertThat(LgCode.isValid(code)).as(code).isTrue());
    }

    @Test
    void municipalitiesOfOnePrefecture() throws Exception {
        DocumentContext m = ok("/api/v1/municipalities", "pref", "02");
        List<String> codes = m.read("$[*].lgCode");
        Integer stored = jdbc.queryForObject("select count(*) from municipality where prefecture_code = '02'", Integer.class);
        assertThat(codes).hasSize(stored).hasSize(40).doesNotHaveDuplicates().contains("024457", "024422")
                .allSatisfy(code -> {
                    assertThat(code).matches("02\\d{4}");
                    assertThat(LgCode.isValid(code)).as(code).isTrue();
                });
        assertThat(m.read("$[*].prefecture", List.class)).containsOnly("02");
        assertThat(m.read("$[?(@.lgCode == '024457')].nameJa", List.class)).containsExactly("南部町");

        List<String> all = ok("/api/v1/municipalities").read("$[*].lgCode");
        assertThat(all).hasSize(1918).containsAll(codes);
    }

    @Test
    void municipalitiesOfAnUnknownPrefectureAreAProblem() throws Exception {
        DocumentContext p = problem(request("/api/v1/municipalities", "pref", "xx"), 400, "invalid-parameters");
        assertThat(p.read("$.errors[0].parameter", String.class)).isEqualTo("pref");
        assertThat(p.read("$.errors[0].value", String.class)).isEqualTo("xx");
    }

    // --- eligibility ----------------------------------------------------------------------------------------------

    DocumentContext eligibility(String json, int status, MediaType type) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/eligibility").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is(status)).andExpect(content().contentType(type)).andReturn();
        return JsonPath.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void eligibilityCountsEveryPublishedProgramAndPagesTheListsWithReasons() throws Exception {
        // No CSRF token: the API has no session to protect.
        DocumentContext r = eligibility("{\"age\": 20, \"hometown\": \"024457\", \"residence\": \"13\", \"verdict\": \"all\"}",
                200, MediaType.APPLICATION_JSON);
        List<Map<String, Object>> programs = r.read("$.programs");
        assertThat(programs).hasSize(15);
        assertThat(r.read("$.total", Integer.class)).isEqualTo(15);
        assertThat(r.read("$.counts.eligible", Integer.class) + r.read("$.counts.check", Integer.class)
                + r.read("$.counts.notEligible", Integer.class)).isEqualTo(15);
        List<Number> judged = r.read("$.programs[*].id");
        assertThat(judged.stream().map(Number::longValue).toList()).containsExactlyInAnyOrderElementsOf(allIds());
        // Listed 該当 first, then 要確認, then 非該当.
        List<String> verdicts = r.read("$.programs[*].verdict");
        assertThat(verdicts).isSortedAccordingTo(java.util.Comparator.comparing(v -> List.of("ELIGIBLE", "CHECK", "NOT_ELIGIBLE").indexOf(v)));
        for (Map<String, Object> p : programs) {
            DocumentContext one = JsonPath.parse(p);
            assertThat(one.read("$.groups", List.class)).as("program " + p.get("id")).isNotEmpty();
            assertThat(one.read("$.groups[*].reasons[*]", List.class)).as("program " + p.get("id")).isNotEmpty();
        }
        // Jimoto TOCHIGI is for people from Tochigi: someone from 南部町 is not eligible, and told why.
        assertThat(r.read("$.programs[?(@.id == 1)].verdict", List.class)).containsExactly("NOT_ELIGIBLE");
        assertThat(r.read("$.programs[?(@.id == 1)].groups[0].reasons[?(@.outcome == 'FAILS')].reason", List.class))
                .singleElement().asString().contains("南部町");
        // Facet counts per verdict add up to the counts.
        List<Integer> categoryTotals = r.read("$.facets.category[*].notEligible");
        assertThat(categoryTotals.stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.read("$.counts.notEligible", Integer.class));

        DocumentContext asText = eligibility("{\"age\": \"20\", \"hometown\": \"024457\", \"residence\": \"13\", \"verdict\": \"all\"}",
                200, MediaType.APPLICATION_JSON);
        assertThat(asText.read("$.programs[*].verdict", List.class)).as("numbers may be sent as strings")
                .isEqualTo(r.read("$.programs[*].verdict", List.class));

        // The default list is 該当 then 要確認; pages of a given size; filters by category.
        DocumentContext usable = eligibility("{\"age\": 20, \"hometown\": \"024457\", \"residence\": \"13\", \"size\": 2, \"page\": 2}",
                200, MediaType.APPLICATION_JSON);
        assertThat(usable.read("$.verdict", String.class)).isEqualTo("usable");
        assertThat(usable.read("$.programs", List.class)).hasSize(2);
        assertThat(usable.read("$.programs[*].verdict", List.class)).doesNotContain("NOT_ELIGIBLE");
        assertThat(usable.read("$.total", Integer.class)).isEqualTo(r.read("$.counts.eligible", Integer.class)
                + r.read("$.counts.check", Integer.class));
        DocumentContext gifts = eligibility("{\"age\": 20, \"verdict\": \"check\", \"category\": [\"gifts\"]}",
                200, MediaType.APPLICATION_JSON);
        assertThat(gifts.read("$.programs[*].category", List.class)).isNotEmpty().allMatch("地元産品等の贈り物"::equals);
    }

    @Test
    void unusableListParametersAreProblems() throws Exception {
        DocumentContext p = eligibility("{\"verdict\": \"maybe\", \"size\": 500, \"category\": [\"nothing\"]}", 400,
                MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(p.read("$.errors[*].parameter", List.class)).contains("verdict", "size", "category");
        DocumentContext deep = eligibility("{\"page\": 200, \"size\": 100}", 400, MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(deep.read("$.errors[0].parameter", String.class)).isEqualTo("page");
    }

    @Test
    void unusableAnswersAreProblems() throws Exception {
        DocumentContext p = eligibility("{\"age\": \"abc\"}", 400, MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(p.read("$.type", String.class)).isEqualTo(PROBLEMS + "invalid-parameters");
        assertThat(p.read("$.status", Integer.class)).isEqualTo(400);
        assertThat(p.read("$.errors[0].parameter", String.class)).isEqualTo("age");
        assertThat(p.read("$.errors[0].value", String.class)).isEqualTo("abc");

        DocumentContext place = eligibility("{\"hometown\": \"<b>x</b>\"}", 400, MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(place.read("$.errors[0].parameter", String.class)).isEqualTo("hometown");
        assertThat(place.read("$.errors[0].value", String.class)).isEqualTo("<b>x</b>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"age\":", "not json", "[]", "{\"age\": {\"years\": 20}}"})
    void malformedBodiesAreProblems(String body) throws Exception {
        DocumentContext p = eligibility(body, 400, MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(p.read("$.type", String.class)).isEqualTo(PROBLEMS + "unreadable-body");
        assertThat(p.read("$.status", Integer.class)).isEqualTo(400);
    }

    // --- conditional GET ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/programs?pref=02", "/api/v1/programs/5", "/api/v1/categories",
            "/api/v1/municipalities?pref=02"})
    void getsHaveAnETagAndAnswer304ToIfNoneMatch(String url) throws Exception {
        MvcResult first = mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().exists("ETag")).andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).matches("(W/)?\"[^\"]+\"");
        String cache = first.getResponse().getHeader("Cache-Control");
        assertThat(cache).as("may be stored but must be revalidated").isEqualTo("no-cache");

        MvcResult again = mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified())
                .andReturn();
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(again.getResponse().getHeader("ETag")).isEqualTo(etag);
        assertThat(again.getResponse().getHeader("Cache-Control")).doesNotContain("no-store");

        mvc.perform(get(url).header("If-None-Match", "\"stale\"")).andExpect(status().isOk());
    }

    @Test
    void differentAnswersHaveDifferentETags() throws Exception {
        Set<String> etags = new HashSet<>();
        for (String url : List.of("/api/v1/programs?pref=02", "/api/v1/programs?pref=03", "/api/v1/programs/5",
                "/api/v1/programs/6")) {
            etags.add(mvc.perform(get(url)).andReturn().getResponse().getHeader("ETag"));
        }
        assertThat(etags).hasSize(4).doesNotContainNull();
    }
}
