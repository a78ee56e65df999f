package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the open data shows after staff changes, on a database of its own (the shared one stays as seeded): an
 * unpublished program and drafts appear nowhere, and a summary a spreadsheet would run as a formula is neutralised in
 * the CSV while the JSON keeps it as written.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:opendata-changes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class OpenDataChangesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    String body(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    List<Long> listed(String query) throws Exception {
        return ProgramsApiTest.ids(JsonPath.parse(body("/api/v1/programs?size=100" + query)));
    }

    List<Long> csvIds() throws Exception {
        return ProgramsCsvTest.csvIds(body("/programs.csv"));
    }

    List<Long> jsonIds() throws Exception {
        List<Number> ids = JsonPath.parse(body("/programs.json")).read("$[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    /** The index is rebuilt after each commit; allow a moment in case that ever becomes asynchronous. */
    static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.call() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    static ProgramContent withTexts(ProgramContent c, String summary, String benefit) {
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(), c.organizerPrefectureCode(),
                c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(), c.eventMonth(), c.channel(),
                c.lifecycle(), summary, benefit, c.officialUrl(), c.eligibilityText(), c.examplesHeading(),
                c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(), c.examples(),
                c.dataNotes(), c.targetGroups(), c.application(), c.schedule());
    }

    @Test
    void anUnpublishedProgramAppearsNowhere() throws Exception {
        assertThat(listed("")).contains(9L);
        assertThat(listed("&pref=02")).containsExactly(5L, 9L, 13L);

        editor.unpublish(9, editor.editable(9).orElseThrow().version(), "test");
        await(() -> !listed("").contains(9L));

        assertThat(listed("")).hasSize(14).doesNotContain(9L);
        assertThat(listed("&pref=02")).containsExactly(5L, 13L);
        DocumentContext page = JsonPath.parse(body("/api/v1/programs?pref=02"));
        assertThat(page.read("$.total", Long.class)).isEqualTo(2);
        assertThat(page.read("$.facets.category", Map.class)).doesNotContainKey("co-creation");
        assertThat(listed("&q=ワールドカフェ")).isEmpty();

        mvc.perform(get("/api/v1/programs/9")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(csvIds()).hasSize(14).doesNotContain(9L);
        assertThat(body("/programs.csv")).doesNotContain("五戸まちづくりワールドカフェ");
        assertThat(jsonIds()).hasSize(14).doesNotContain(9L);

        String verdicts = mvc.perform(post("/api/v1/eligibility").contentType(MediaType.APPLICATION_JSON)
                .content("{\"age\": 20, \"verdict\": \"all\"}")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> judged = JsonPath.parse(verdicts).read("$.programs[*].id");
        assertThat(judged).hasSize(14).noneMatch(id -> id.longValue() == 9L);
    }

    @Test
    void draftsAppearNowhere() throws Exception {
        ProgramContent seed = editor.editable(3).orElseThrow().content();
        long draft = editor.create(seed.renamed("下書きだけの施策"), false, "test");
        // A published program with changes kept as a pending draft: the published text stays.
        ProgramEditor.Editable kumamoto = editor.editable(3).orElseThrow();
        editor.save(3, kumamoto.version(), withTexts(kumamoto.content(), "未公開の概要", null), false, "test");

        assertThat(listed("&q=下書きだけ")).isEmpty();
        assertThat(listed("")).doesNotContain(draft);
        mvc.perform(get("/api/v1/programs/" + draft)).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(csvIds()).doesNotContain(draft);
        assertThat(jsonIds()).doesNotContain(draft);

        assertThat(JsonPath.parse(body("/api/v1/programs/3")).read("$.summary", String.class))
                .isEqualTo("熊本県出身者向けLINE公式アカウント");
        assertThat(listed("&q=未公開の概要")).isEmpty();
        for (String export : List.of("/programs.csv", "/programs.json", "/api/v1/programs?size=100")) {
            assertThat(body(export)).as(export).doesNotContain("下書きだけの施策").doesNotContain("未公開の概要");
        }
    }

    @Test
    void formulasAreNeutralisedInTheCsvAndKeptAsWrittenInJson() throws Exception {
        String hostile = "=HYPERLINK(\"http://evil.example/\",\"click\")";
        ProgramEditor.Editable yuzawa = editor.editable(6).orElseThrow();
        editor.save(6, yuzawa.version(), withTexts(yuzawa.content(), hostile, "@SUM(A1:A9)"), true, "test");
        await(() -> JsonPath.parse(body("/api/v1/programs/6")).read("$.summary", String.class).equals(hostile));

        String csv = body("/programs.csv?category=gifts");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"")
                .doesNotContain("\"=HYPERLINK").doesNotContain("\"@SUM");
        List<CSVRecord> rows = ProgramsCsvTest.records(csv);
        CSVRecord row = rows.stream().filter(r -> r.get("ID").equals("6")).findFirst().orElseThrow();
        assertThat(row.get("概要")).isEqualTo("'" + hostile);
        assertThat(row.get("内容")).isEqualTo("'@SUM(A1:A9)");
        assertThat(Csv.restore(row.get("概要"))).isEqualTo(hostile);
        assertThat(rows).allSatisfy(r -> assertThat(r.values()).allSatisfy(cell -> assertThat(cell)
                .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                .doesNotStartWith("\t").doesNotStartWith("\r")));

        assertThat(JsonPath.parse(body("/programs.json?category=gifts")).read("$[?(@.id == 6)].summary", List.class))
                .containsExactly(hostile);
        assertThat(JsonPath.parse(body("/api/v1/programs?category=gifts")).read("$.items[?(@.id == 6)].summary", List.class))
                .containsExactly(hostile);
    }
}
