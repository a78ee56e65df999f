package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /programs.csv and /programs.json on the shared test database (read only): RFC 4180 CSV in UTF-8 with an optional
 * byte order mark, codes with their leading zeros, every matching program (not one page), in the list's order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgramsCsvTest {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired
    MockMvc mvc;

    static MockHttpServletRequestBuilder request(String path, String query) {
        MockHttpServletRequestBuilder b = get(path);
        for (Map.Entry<String, List<String>> p : ProgramsApiTest.parse(query).entrySet()) {
            p.getValue().forEach(v -> b.param(p.getKey(), v));
        }
        return b;
    }

    MvcResult download(String path, String query) throws Exception {
        return mvc.perform(request(path, query)).andExpect(status().isOk()).andReturn();
    }

    String csv(String query) throws Exception {
        return new String(download("/programs.csv", query).getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    static List<CSVRecord> records(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    static List<Long> csvIds(String csv) throws IOException {
        return records(csv).stream().map(r -> Long.parseLong(r.get("ID"))).toList();
    }

    List<Long> apiIds(String query) throws Exception {
        String q = query.isEmpty() ? "size=100" : query + "&size=100";
        DocumentContext page = JsonPath.parse(mvc.perform(request("/api/v1/programs", q)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.read("$.total", Long.class)).as("all on one API page").isLessThanOrEqualTo(100);
        return ProgramsApiTest.ids(page);
    }

    List<Long> jsonIds(String query) throws Exception {
        List<Number> ids = JsonPath.parse(download("/programs.json", query).getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).read("$[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Splits an RFC 4180 text whose every cell is quoted, failing on anything else: a cell not opened by a quote, a
     * lone quote inside a cell, a record not ended by CRLF, a CR or LF outside quotes.
     */
    static List<List<String>> strictlyQuoted(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            assertThat(text.charAt(i)).as("cell %d of row %d opens with a quote", row.size() + 1, rows.size() + 1)
                    .isEqualTo('"');
            StringBuilder cell = new StringBuilder();
            i++;
            while (true) {
                assertThat(i).as("cell closed before the end").isLessThan(text.length());
                char c = text.charAt(i);
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                cell.append(c);
                i++;
            }
            row.add(cell.toString());
            assertThat(i).as("the last record ends with CRLF").isLessThan(text.length());
            if (text.charAt(i) == ',') {
                i++;
            } else {
                assertThat(text.substring(i, Math.min(i + 2, text.length()))).as("record %d ends with CRLF",
                        rows.size() + 1).isEqualTo("\r\n");
                i += 2;
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        return rows;
    }

    @Test
    void giftsAsCsvWithHeaderCodesAndNames() throws Exception {
        MvcResult r = download("/programs.csv", "category=gifts");
        MediaType type = MediaType.parseMediaType(r.getResponse().getContentType());
        assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/csv"))).as(type.toString()).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        ContentDisposition disposition = ContentDisposition.parse(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).matches("tsunagari-programs-\\d{8}\\.csv");

        byte[] bytes = r.getResponse().getContentAsByteArray();
        assertThat(bytes[0]).as("no byte order mark by default").isNotEqualTo(BOM[0]);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"全国地方公共団体コード\",\"ID\",");
        assertThat(text.substring(0, text.indexOf("\r\n")).split(",")).hasSize(ProgramTable.headers().size());

        List<CSVRecord> rows = records(text);
        assertThat(rows).extracting(row -> row.get("ID")).containsExactly("5", "6", "7", "8");
        assertThat(rows).extracting(row -> row.get("全国地方公共団体コード"))
                .containsExactly("024457", "052078", "032018", "082210");
        assertThat(rows).extracting(row -> row.get("都道府県名")).containsExactly("青森県", "秋田県", "岩手県", "茨城県");
        assertThat(rows).extracting(row -> row.get("市区町村名")).containsExactly("南部町", "湯沢市", "盛岡市", "ひたちなか市");
        assertThat(rows).extracting(row -> row.get("区分")).containsOnly("地元産品等の贈り物");
        assertThat(rows.get(0).get("施策名")).isEqualTo("ふるさと南部からのエール便");
        assertThat(rows.get(0).get("掲載ページ")).endsWith("/programs/5");
        assertThat(rows.get(0).get("出典")).isEqualTo("「地域とのつながり」に関する施策事例（2 地元産品の贈り物）");
        assertThat(rows.get(2).get("年齢下限")).isEqualTo("15");
        assertThat(rows.get(2).get("年齢上限")).isEqualTo("25");
        assertThat(rows.get(0).get("年齢下限")).isEmpty();
        assertThat(rows.get(0).get("利用者区分")).isEqualTo("学生、保護者");
        assertThat(rows.get(0).toMap().keySet()).containsExactlyElementsOf(ProgramTable.headers());
    }

    @Test
    void csvIsRfc4180EveryCellQuotedWithCrlfAndNewlinesKeptInsideQuotes() throws Exception {
        String text = csv("category=gifts");
        List<List<String>> rows = strictlyQuoted(text);
        assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(row).hasSize(ProgramTable.headers().size()));
        assertThat(rows.get(0)).containsExactlyElementsOf(ProgramTable.headers());

        int eligibility = ProgramTable.headers().indexOf("対象");
        String program5 = rows.get(1).get(eligibility);
        assertThat(program5).isEqualTo("大学、高等専門学校(4、5年生)、専修学校、専門職大学等に修学しており、自宅外から通学している方\n"
                + "※ 申請は、大学生等を持つ親で町内に居住する方に限る");
        assertThat(text).contains("\"" + program5 + "\"");
        String api = JsonPath.parse(mvc.perform(get("/api/v1/programs/5")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).read("$.eligibilityText");
        assertThat(program5).as("the same text as the API").isEqualTo(api);

        // commons-csv reads the same cells.
        List<CSVRecord> parsed = records(text);
        for (int r = 0; r < parsed.size(); r++) {
            assertThat(parsed.get(r).values()).containsExactlyElementsOf(rows.get(r + 1));
        }
    }

    @Test
    void theWholeCatalogueIsQuotedStrictlyToo() throws Exception {
        String text = csv("");
        List<List<String>> rows = strictlyQuoted(text);
        assertThat(rows).hasSize(16);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> {
            assertThat(row.get(1)).matches("\\d+");
            assertThat(row.get(0)).matches("|\\d{6}");
        });
        // ネオ県人会 has no organizer: empty code and names, not "null".
        List<String> neo = rows.stream().filter(row -> row.get(1).equals("13")).findFirst().orElseThrow();
        assertThat(neo.subList(0, 4)).containsExactly("", "13", "", "");
        assertThat(text).doesNotContain("\"null\"");
    }

    @Test
    void aByteOrderMarkOnRequest() throws Exception {
        for (String bom : List.of("true", "1")) {
            byte[] bytes = download("/programs.csv", "category=gifts&bom=" + bom).getResponse().getContentAsByteArray();
            assertThat(java.util.Arrays.copyOf(bytes, 3)).as("bom=" + bom).isEqualTo(BOM);
            assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).startsWith("\"全国地方公共団体コード\"");
        }
        byte[] without = download("/programs.csv", "category=gifts&bom=false").getResponse().getContentAsByteArray();
        assertThat(without[0]).isEqualTo((byte) '"');
    }

    /** Every matching program, not one page: as many rows as the API's total, in the API's order. */
    @ParameterizedTest
    @ValueSource(strings = {"", "q=エール便", "category=gifts", "pref=02", "sort=kana", "sort=reach", "q=LINE&sort=start",
            "audience=student&region=tohoku", "page=2", "q=存在しない言葉"})
    void csvAndJsonHaveEveryMatchInTheListOrder(String query) throws Exception {
        List<Long> api = apiIds(query.replace("page=2", ""));
        List<Long> csv = csvIds(csv(query));
        assertThat(csv).as("CSV rows for " + query).containsExactlyElementsOf(api);
        assertThat(jsonIds(query)).as("JSON items for " + query).containsExactlyElementsOf(csv);
    }

    @Test
    void theCsvIsNotLimitedToAPage() throws Exception {
        List<Long> all = csvIds(csv(""));
        assertThat(all).hasSize(15).doesNotHaveDuplicates();
        DocumentContext firstPage = JsonPath.parse(mvc.perform(get("/api/v1/programs").param("size", "1")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat((long) all.size()).isEqualTo(firstPage.read("$.total", Long.class));
        assertThat(csvIds(csv("q=エール便"))).hasSize(JsonPath.parse(mvc.perform(get("/api/v1/programs")
                .param("q", "エール便").param("size", "1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).read("$.total", Integer.class)).hasSize(3);
    }

    @Test
    void jsonDownloadHoldsTheSameDetailsAsTheApi() throws Exception {
        MvcResult r = download("/programs.json", "category=gifts");
        assertThat(r.getResponse().getContentType()).startsWith("application/json");
        ContentDisposition disposition = ContentDisposition.parse(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).matches("tsunagari-programs-\\d{8}\\.json");
        List<Map<String, Object>> items = JsonPath.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).read("$");
        assertThat(items).hasSize(4);
        for (Map<String, Object> item : items) {
            Map<String, Object> one = JsonPath.parse(mvc.perform(get("/api/v1/programs/" + item.get("id"))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8)).read("$");
            assertThat(item).as("program " + item.get("id")).isEqualTo(one);
        }
        assertThat(items.get(0).get("organizer").toString()).contains("lgCode=024457");
    }

    @Test
    void unusableFiltersAreProblemsNotFiles() throws Exception {
        for (String path : List.of("/programs.csv", "/programs.json")) {
            MvcResult r = mvc.perform(get(path).param("pref", "99")).andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON)).andReturn();
            assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).as(path).isNull();
            DocumentContext p = JsonPath.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(p.read("$.errors[0].parameter", String.class)).isEqualTo("pref");
            assertThat(p.read("$.errors[0].value", String.class)).isEqualTo("99");
        }
    }
}
