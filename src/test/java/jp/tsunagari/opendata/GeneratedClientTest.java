package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tsunagari.apiclient.ApiClient;
import tsunagari.apiclient.ApiException;
import tsunagari.apiclient.ApiResponse;
import tsunagari.apiclient.api.EligibilityApi;
import tsunagari.apiclient.api.ProgramsApi;
import tsunagari.apiclient.api.ReferenceApi;
import tsunagari.apiclient.model.Category;
import tsunagari.apiclient.model.EligibilityRequest;
import tsunagari.apiclient.model.EligibilityResponse;
import tsunagari.apiclient.model.Problem;
import tsunagari.apiclient.model.ProgramDetail;
import tsunagari.apiclient.model.ProgramPage;
import tsunagari.apiclient.model.ProgramSummary;

/**
 * Proof by a real client: the typed Java client that openapi-generator makes from docs/openapi.json (the served
 * document, see the pom) calls every operation against the running application over HTTP and deserializes every
 * answer — every page of the whole catalogue, every program's detail, the eligibility checker at 100 results, 304 and
 * the problem documents. The client is made strict: a field the contract does not declare, a value outside a declared
 * enum or a number sent as text fails the call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:generatedclient;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "catalogue.synthetic.programs=120",
        "catalogue.page-cache.enabled=false"})
@ActiveProfiles("synthetic")
class GeneratedClientTest {

    @LocalServerPort
    int port;

    ApiClient client;
    ProgramsApi programs;
    ReferenceApi reference;
    EligibilityApi eligibility;

    @BeforeEach
    void strictClient() {
        client = new ApiClient().setScheme("http").setHost("localhost").setPort(port).setBasePath("");
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        programs = new ProgramsApi(client);
        reference = new ReferenceApi(client);
        eligibility = new EligibilityApi(client);
    }

    @Test
    void codeLists() throws ApiException {
        assertThat(reference.categories(null, null)).extracting(c -> c.getCode().getValue())
                .containsExactly("sns", "gifts", "co-creation", "alumni-exchange", "other");
        assertThat(reference.categories("en", null)).extracting(Category::getNameEn).contains("Social media");
        assertThat(reference.regions(null, null)).hasSize(8);
        assertThat(reference.prefectures(null, null)).hasSize(47);
        assertThat(reference.municipalities(null, null, null)).hasSizeGreaterThan(1_741);
        assertThat(reference.municipalities("02", null, null)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getPrefecture()).isEqualTo("02"));
    }

    /** Every page of the catalogue at 100 per page, then every program's detail. */
    @Test
    void everyProgramThroughTheList() throws ApiException {
        List<Long> ids = new ArrayList<>();
        ProgramPage page;
        int n = 1;
        do {
            page = programs.programs(null, null, null, null, null, null, null, null, null, "include", "source",
                    n++, 100, null, null);
            page.getItems().stream().map(ProgramSummary::getId).forEach(ids::add);
        } while (ids.size() < page.getTotal());
        assertThat(ids).hasSizeGreaterThan(120).doesNotHaveDuplicates();
        assertThat(page.getFacets()).containsKeys("category", "region", "pref", "audience", "channel", "status");
        for (long id : ids) {
            ProgramDetail detail = programs.program(id, null, null);
            assertThat(detail.getId()).isEqualTo(id);
        }
    }

    /** Each documented filter at least once, with values that give programs. */
    @Test
    void everyFilter() throws ApiException {
        assertThat(programs.programs("LINE", null, null, null, null, null, null, null, null, null, "relevance", null,
                null, "en", null).getTotal()).isPositive();
        ProgramPage filtered = programs.programs(null, List.of("sns", "gifts"), List.of("tohoku"), List.of("02", "03"),
                List.of("student", "youth"), List.of("line"), List.of("ongoing"), null, null, null, "kana", 1, 5,
                null, null);
        assertThat(filtered.getItems()).allSatisfy(p -> assertThat(p.getCategory().getCode()).isIn("sns", "gifts"));
        for (String sort : List.of("start", "reach", "deadline")) {
            assertThat(programs.programs(null, null, null, null, null, null, null, List.of("now", "soon", "closed"),
                    List.of("recent"), null, sort, null, null, null, null).getSize()).isEqualTo(20);
        }
    }

    @Test
    void eligibilityAtOneHundredResults() throws ApiException {
        EligibilityResponse all = eligibility.check(new EligibilityRequest().age(22).hometown("024465")
                .residence("東京都").school(EligibilityRequest.SchoolEnum.fromValue("university")).grade(4)
                .applicant(EligibilityRequest.ApplicantEnum.fromValue("self"))
                .verdict(EligibilityRequest.VerdictEnum.fromValue("all")).size(100), null);
        assertThat(all.getPrograms()).hasSize(100);
        assertThat(all.getTotal()).isGreaterThan(100);
        EligibilityResponse filtered = eligibility.check(new EligibilityRequest().familyHome("02")
                .groupSize(5).groupYoung(3).date(java.time.LocalDate.of(2026, 4, 1))
                .verdict(EligibilityRequest.VerdictEnum.fromValue("usable")).page(1).size(10)
                .category(List.of(EligibilityRequest.CategoryEnum.fromValue("gifts")))
                .region(List.of(EligibilityRequest.RegionEnum.fromValue("tohoku"))).pref(List.of("02")), "en");
        assertThat(filtered.getCounts()).isNotNull();
    }

    /** 404, 400 and the checker's 400 come back as problem documents the client reads with the contract's schema. */
    @Test
    void problems() throws Exception {
        Problem notFound = problem(() -> programs.program(99_999_999L, null, null), 404);
        assertThat(notFound.getStatus()).isEqualTo(404);
        Problem badPref = problem(() -> programs.programs(null, null, null, List.of("99"), null, null, null, null,
                null, null, null, null, null, null, null), 400);
        assertThat(badPref.getErrors()).extracting(e -> e.getParameter()).containsExactly("pref");
        Problem badSize = problem(() -> eligibility.check(new EligibilityRequest().size(1000).age(-3), "en"), 400);
        assertThat(badSize.getErrors()).extracting(e -> e.getParameter()).contains("size", "age");
    }

    /** A conditional GET with the answer's ETag: 304, which the client reports as such (no body to read). */
    @Test
    void notModified() throws ApiException {
        ApiResponse<ProgramDetail> first = programs.programWithHttpInfo(1L, null, null);
        String etag = first.getHeaders().get("etag").get(0);
        ApiException again = catchThrowableOfType(ApiException.class, () -> programs.program(1L, null, etag));
        assertThat(again.getCode()).isEqualTo(304);
    }

    interface Call {
        void run() throws ApiException;
    }

    Problem problem(Call call, int status) throws Exception {
        ApiException failure = catchThrowableOfType(ApiException.class, call::run);
        assertThat(failure).as("expected HTTP %d", status).isNotNull();
        assertThat(failure.getCode()).isEqualTo(status);
        assertThat(failure.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        ObjectMapper strict = client.getObjectMapper();
        return strict.readValue(failure.getResponseBody(), Problem.class);
    }
}
