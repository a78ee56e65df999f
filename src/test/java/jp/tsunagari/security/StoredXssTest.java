package jp.tsunagari.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored XSS (issue 10): payloads for the HTML element, attribute, URL, script-data, JSON and CSV contexts typed into
 * every text field staff can edit come out inert on every page, download and API answer that shows them. Each field's
 * text starts (or ends) with a marker of its own, so the test can tell that the page really showed that field's text.
 * <p>
 * Runs on the shared test database without a rollback (the search index and the page cache only see committed
 * changes): it edits only a program it creates (removed with its history at the end), and restores the category,
 * prefecture and staff rows it touches.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoredXssTest {

    /** Payloads; those too long for a short field are replaced by one of {@link #SHORT}. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(1)>",
            "</script><script>alert(1)</script>",
            "</title><script>alert(1)</script>",
            "</textarea><img src=x onerror=alert(1)>",
            "<!--",
            "]]>",
            "{{7*7}}",
            "[[${7*7}]]",
            "[(${7*7})]",
            "javascript:alert(1)",
            "a\u2028b\u2029c",
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-1",
            "@SUM(1)",
            "<a href=javascript:alert(1)>x</a>",
            "&lt;b&gt;&amp;");
    static final List<String> SHORT = List.of("<b>x</b>", "\"'><i>", "<!--", "]]>", "{{7*7}}", "=1+1", "@A1");

    /** Text that must come out literally: if an engine evaluated it, it would read 49. */
    static final List<String> EXPRESSIONS = List.of("{{7*7}}", "[[${7*7}]]", "[(${7*7})]");

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    // ------------------------------------------------------------------ the program form

    /** A text field of the program form: request parameter, marker, maximum length, whether lines are split. */
    record Field(String param, String marker, int max, boolean multiline) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("name", "zxqname", 200, false),
            new Field("nameEn", "zxqnameen", 200, false),
            new Field("summary", "zxqsummary", 1000, false),
            new Field("benefit", "zxqbenefit", 1000, false),
            new Field("eligibilityText", "zxqelig", 4000, true),
            new Field("examplesHeading", "zxqexhead", 100, false),
            new Field("sourceSection", "zxqsrcsec", 100, false),
            new Field("sections[0].heading", "zxqsecheada", 200, false),
            new Field("sections[1].heading", "zxqsecheadb", 200, false),
            new Field("metrics[0].labelJa", "zxqmetricja", 100, false),
            new Field("metrics[0].labelEn", "zxqmetricen", 100, false),
            new Field("metrics[0].unit", "zxqunit", 20, false),
            new Field("examples[0].name", "zxqexname", 200, false),
            new Field("examples[0].description", "zxqexdesc", 2000, false),
            new Field("notes[0].ja", "zxqnoteja", 1000, false),
            new Field("notes[0].en", "zxqnoteen", 1000, false),
            new Field("groups[0].label", "zxqgroup", 300, false),
            new Field("groups[0].criteria[0].sourceText", "zxqsrctexta", 500, false),
            new Field("groups[0].criteria[0].note", "zxqcritnotea", 1000, false),
            new Field("groups[0].criteria[1].sourceText", "zxqsrctextb", 500, false),
            new Field("groups[0].criteria[1].areaLabel", "zxqarealabel", 100, false),
            new Field("groups[0].criteria[1].note", "zxqcritnoteb", 1000, false));

    /** Section item lines: the prefix that makes the line's kind, and the marker. */
    static final String[][] ITEMS = {{"", "zxqitema"}, {"　", "zxqitemb"}, {"✓ ", "zxqitemc"}, {"※", "zxqitemd"},
            {"", "zxqiteme"}};

    /** One round of typed text: marker before the payload (round 0) or after it (round 1, so CSV cells start with it). */
    static Map<String, String> texts(int round) {
        Map<String, String> t = new LinkedHashMap<>();
        int i = 0;
        for (Field f : FIELDS) {
            t.put(f.marker(), text(f.marker(), i++, round, f.max(), f.multiline()));
        }
        for (String[] item : ITEMS) {
            t.put(item[1], text(item[1], i++, round, 2000, true));
        }
        return t;
    }

    static String text(String marker, int index, int round, int max, boolean multiline) {
        String payload = PAYLOADS.get((index + round * 7) % PAYLOADS.size());
        if (multiline && payload.contains("\u2028")) {
            payload = PAYLOADS.get(0);
        }
        String t = round == 0 ? marker + " " + payload : payload + " " + marker;
        if (t.length() > max) {
            String shorter = SHORT.get(index % SHORT.size());
            t = round == 0 ? marker + " " + shorter : shorter + " " + marker;
        }
        return t;
    }

    /** The whole form for one round (the choices are fixed; every free-text field carries a payload). */
    static Map<String, String> form(Map<String, String> t, int round) {
        Map<String, String> p = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            p.put(f.param(), t.get(f.marker()));
        }
        p.put("nameKana", "えっくすえすえすしけん");
        p.put("category", "gifts");
        p.put("municipality", "032018 盛岡市（岩手県）");
        p.put("startYear", "2026");
        p.put("startMonth", "4");
        p.put("sourceDocument", "1");
        p.put("sourceOrder", "99");
        p.put("channel", "DELIVERY");
        p.put("lifecycle", "ONGOING");
        p.put("officialUrl", round == 0 ? "https://example.jp/zxqurl?x='onmouseover='alert(1)'"
                : "https://example.jp/zxqurl?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
        p.put("sections[0].items", line(t, 0) + "\n" + line(t, 1) + "\n" + line(t, 2) + "\n" + line(t, 3));
        p.put("sections[1].items", line(t, 4));
        p.put("metrics[0].value", "1234");
        p.put("metrics[0].asOf", "2026-03-31");
        p.put("examples[0].prefecture", "13");
        p.put("groups[0].criteria[0].type", "AGE");
        p.put("groups[0].criteria[0].strength", "HARD");
        p.put("groups[0].criteria[0].subject", "SELF");
        p.put("groups[0].criteria[0].minAge", "18");
        p.put("groups[0].criteria[0].maxAge", "22");
        p.put("groups[0].criteria[1].type", "RESIDENCE");
        p.put("groups[0].criteria[1].strength", "HARD");
        p.put("groups[0].criteria[1].subject", "SELF");
        p.put("groups[0].criteria[1].areas", "岩手県");
        p.put("groups[0].criteria[1].outside", "true");
        return p;
    }

    static String line(Map<String, String> t, int item) {
        return ITEMS[item][0] + t.get(ITEMS[item][1]);
    }

    /** What a page shows of a marker's field: the item prefixes 「✓ 」 and 「　」 are not part of the stored text. */
    static String shown(Map<String, String> t, String marker) {
        return marker.equals("zxqitemd") ? "※" + t.get(marker) : t.get(marker);
    }

    /** Markers of text not on Japanese pages: English labels and notes, and the English name (API and CSV only). */
    static final List<String> ENGLISH = List.of("zxqnameen", "zxqmetricen", "zxqnoteen");

    MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
        return request.with(user("xss-editor").roles("EDITOR"));
    }

    MockHttpServletRequestBuilder postForm(String url, Map<String, String> params) {
        MockHttpServletRequestBuilder request = staff(post(url)).with(csrf());
        params.forEach(request::param);
        return request;
    }

    MockHttpServletResponse fetch(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** A form was accepted (redirect); otherwise the error summary tells why. */
    static void accepted(MockHttpServletResponse response) throws Exception {
        Element summary = Jsoup.parse(body(response)).selectFirst("[role=alert]");
        assertThat(response.getStatus()).as(summary == null ? body(response) : summary.text()).isEqualTo(302);
    }

    static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyProgramFieldIsInertOnEveryPageDownloadAndApiAnswer() throws Exception {
        Map<String, String> seeded = seededState();
        List<Long> created = new ArrayList<>();
        try {
            Map<String, String> first = texts(0);
            MockHttpServletResponse saved = fetch(postForm("/admin/programs", with(form(first, 0), "action", "publish")));
            accepted(saved);
            long id = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D", ""));
            created.add(id);
            assertThat(editor.editable(id).orElseThrow().content().name()).isEqualTo(first.get("zxqname"));
            checkEverywhere(id, first, 0);

            long v1 = editor.editable(id).orElseThrow().version();
            Map<String, String> second = texts(1);
            saved = fetch(postForm("/admin/programs/" + id, with(with(form(second, 1), "action", "publish"),
                    "version", Long.toString(v1))));
            accepted(saved);
            assertThat(editor.editable(id).orElseThrow().content().summary()).isEqualTo(second.get("zxqsummary"));
            checkEverywhere(id, second, 1);

            // The history, and the diff of payload against payload.
            String history = page(staff(get("/admin/programs/" + id + "/history")), List.of());
            assertThat(history).isNotEmpty();
            String diff = page(staff(get("/admin/programs/" + id + "/history/diff?from=1&to=2")),
                    List.of(first.get("zxqname"), second.get("zxqname"), first.get("zxqsummary"),
                            second.get("zxqsummary"), first.get("zxqgroup"), second.get("zxqgroup"),
                            first.get("zxqsrctexta"), second.get("zxqsrctexta")));
            assertThat(diff).isNotEmpty();

            // A stale save: the conflict page shows both versions (theirs = second, mine = a third text).
            Map<String, String> third = texts(2);
            MockHttpServletResponse conflict = fetch(postForm("/admin/programs/" + id,
                    with(with(form(third, 0), "action", "publish"), "version", Long.toString(v1))));
            assertThat(conflict.getStatus()).isEqualTo(409);
            check("conflict", body(conflict), List.of(second.get("zxqname"), third.get("zxqname"),
                    third.get("zxqsummary"), third.get("zxqexdesc")));

            // Invalid input comes back in the form as typed, still inert: a javascript: URL, an unknown place.
            Map<String, String> invalid = with(with(form(third, 0), "action", "publish"), "version",
                    Long.toString(editor.editable(id).orElseThrow().version()));
            invalid.put("officialUrl", " JaVaScRiPt:alert(1)");
            invalid.put("municipality", "zxqplace \"><svg onload=alert(1)>");
            MockHttpServletResponse refused = fetch(postForm("/admin/programs/" + id, invalid));
            assertThat(refused.getStatus()).isEqualTo(400);
            check("invalid form", body(refused), List.of("zxqplace \"><svg onload=alert(1)>", third.get("zxqname")));
            assertThat(Jsoup.parse(body(refused)).getElementById("officialUrl").val()).isEqualTo(" JaVaScRiPt:alert(1)");

            page(staff(get("/admin/programs/" + id + "/delete")), List.of(second.get("zxqname")));
            long version = editor.editable(id).orElseThrow().version();
            var deleted = mvc.perform(staff(post("/admin/programs/" + id + "/delete")).with(csrf())
                    .param("version", Long.toString(version))).andReturn();
            assertThat(deleted.getResponse().getStatus()).isEqualTo(302);
            // The message after deleting names the program.
            assertThat(deleted.getFlashMap().get("message").toString()).contains(second.get("zxqname"));
            jakarta.servlet.http.Cookie session = deleted.getResponse().getCookie("SESSION");
            assertThat(session).as("the flash message waits in the session").isNotNull();
            page(staff(get("/admin")).cookie(session), List.of(second.get("zxqname")));
        } finally {
            removePrograms(created);
        }
        assertThat(seededState()).isEqualTo(seeded);
    }

    static Map<String, String> with(Map<String, String> params, String name, String value) {
        params.put(name, value);
        return params;
    }

    void checkEverywhere(long id, Map<String, String> t, int round) throws Exception {
        List<String> ja = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String marker : t.keySet()) {
            all.add(shown(t, marker));
            if (!ENGLISH.contains(marker)) {
                ja.add(shown(t, marker));
            }
        }
        String name = t.get("zxqname");
        String summary = t.get("zxqsummary");

        String detail = page(get("/programs/" + id), ja);
        linkedData(detail, name);
        page(get("/programs/" + id + "?lang=en"), List.of(t.get("zxqmetricen"), t.get("zxqnoteen")));
        // The summary is shown on cards and in the description meta tags, which the preview does not have.
        page(staff(get("/admin/programs/" + id + "/preview")), ja.stream().filter(text -> !text.equals(summary)).toList());
        String edit = page(staff(get("/admin/programs/" + id + "/edit")), all);
        assertThat(Jsoup.parse(edit).getElementById("name").val()).isEqualTo(name);
        assertThat(Jsoup.parse(edit).getElementById("officialUrl").val()).contains("zxqurl");
        page(staff(get("/admin")), List.of(name));

        // Lists, search (highlighted segments hold the payload), category, home, prefectures, eligibility.
        page(get("/programs?category=gifts&size=100"), List.of(name));
        String found = page(get("/programs").param("q", "zxqname"), List.of(name));
        assertThat(Jsoup.parse(found).select("mark").text()).contains("zxqname");
        // Searching for the whole summary marks the payload itself (the words are the payload's pieces).
        String insidePayload = page(get("/programs").param("q", summary), List.of(summary));
        String payload = summary.replace("zxqsummary", "").strip();
        assertThat(String.join("", Jsoup.parse(insidePayload).select(".tsn-card__summary mark").eachText()))
                .as("marked parts of the summary").contains(payload.substring(0, Math.min(payload.length(), 4)));
        page(get("/categories/gifts"), List.of(name));
        page(get("/"), List.of());
        page(get("/prefectures"), List.of());
        page(get("/statistics"), List.of());
        page(get("/eligibility?age=20&residence=13&applicant=self"), List.of(name, t.get("zxqgroup")));

        // Open data: JSON API, JSON and CSV downloads (whole and filtered), sitemap.
        JsonNode api = api("/api/v1/programs/" + id);
        assertThat(strings(api)).contains(name, t.get("zxqnameen"), summary, t.get("zxqbenefit"), t.get("zxqgroup"), t.get("zxqsrctexta"),
                t.get("zxqexdesc"), t.get("zxqnoteja"), t.get("zxqmetricja"));
        assertThat(strings(api("/api/v1/programs?q=zxqname"))).contains(name);
        MockHttpServletResponse download = fetch(get("/programs.json").param("q", "zxqname"));
        assertThat(download.getContentType()).startsWith("application/json");
        assertThat(strings(json.readTree(download.getContentAsByteArray()))).contains(name, summary);
        csv("/programs.csv", id, t, round);
        csv("/programs.csv?q=zxqname", id, t, round);
        String sitemap = body(fetch(get("/sitemap.xml")));
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(sitemap.getBytes(StandardCharsets.UTF_8)));
        assertThat(sitemap).contains("/programs/" + id).doesNotContain("<script").doesNotContain("zxq");
    }

    /** The JSON-LD block: no way out of the script element, valid JSON, the stored name as is. */
    void linkedData(String html, String name) throws Exception {
        Element block = Jsoup.parse(html).selectFirst("head script[type=application/ld+json]");
        assertThat(block).as("JSON-LD block").isNotNull();
        String data = block.data();
        assertThat(data.toLowerCase(Locale.ROOT)).doesNotContain("</script").doesNotContain("<!--").doesNotContain("<");
        assertThat(data).doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(strings(json.readTree(data))).contains(name);
    }

    JsonNode api(String url) throws Exception {
        MockHttpServletResponse r = fetch(get(url));
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        assertThat(r.getContentType()).as(url).startsWith("application/json");
        return json.readTree(r.getContentAsByteArray());
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isString()) {
            out.add(node.asString());
        }
        for (JsonNode child : node) {
            collect(child, out);
        }
    }

    /** No cell of any row starts like a formula; our program's cells hold the stored text (with the apostrophe). */
    void csv(String url, long id, Map<String, String> t, int round) throws Exception {
        MockHttpServletResponse r = fetch(get(url));
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(body(r))).getRecords();
        CSVRecord ours = null;
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).as(url + " cell").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
            if (row.toList().stream().anyMatch(c -> c.endsWith("/programs/" + id))) {
                ours = row;
            }
        }
        assertThat(ours).as(url + " has the program").isNotNull();
        String name = t.get("zxqname");
        String expected = "=+-@".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
        assertThat(ours.toList()).as(url).contains(expected);
        if (round == 1) {
            assertThat(ours.toList().stream().filter(c -> c.startsWith("'")).count())
                    .as("formula payloads in " + url).isPositive();
        }
    }

    void removePrograms(List<Long> ids) {
        for (long id : ids) {
            editor.editable(id).ifPresent(e -> editor.delete(id, e.version(), "xss-test"));
            jdbc.update("delete from program_revision where program_id = ?", id);
            jdbc.update("delete from catalogue_change where program_id = ?", id);
            jdbc.update("delete from review_comment where program_id = ?", id);
        }
    }

    /** What must be the same before and after: programs, revisions, categories, prefecture names, staff. */
    Map<String, String> seededState() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("programs", jdbc.queryForList("select id, name, summary from program order by id").toString());
        s.put("revisions", jdbc.queryForObject("select count(*) from program_revision", Long.class).toString());
        s.put("categories", jdbc.queryForList("select * from category order by code").toString());
        s.put("prefectures", jdbc.queryForList("select code, name_ja, name_kana, name_en from prefecture order by code").toString());
        s.put("municipality", jdbc.queryForList("select name_ja, name_kana, name_en from municipality where lg_code = '032018'").toString());
        s.put("staff", jdbc.queryForList("select username, display_name, role, enabled from staff_user order by id").toString());
        s.put("reviews", jdbc.queryForList("select program_id, state from program_review order by program_id").toString()
                + jdbc.queryForObject("select count(*) from review_comment", Long.class));
        return s;
    }

    // ------------------------------------------------------------------ categories, places, staff, import

    @Test
    void categoryNamesAndDescriptionsAreInert() throws Exception {
        Map<String, String> seeded = seededState();
        Map<String, Object> original = jdbc.queryForMap("select * from category where code = 'gifts'");
        Map<String, String> typed = Map.of("nameJa", "zxqcatja <script>alert(1)</script>",
                "nameEn", "zxqcaten \"><img src=x onerror=alert(1)>",
                "descriptionJa", "zxqcatdescja </title><script>alert(1)</script> {{7*7}} [[${7*7}]]",
                "descriptionEn", "zxqcatdescen '><svg onload=alert(1)> <!-- ]]>");
        try {
            assertThat(fetch(postForm("/admin/categories/gifts", typed)).getStatus()).isEqualTo(302);
            String ja = typed.get("nameJa");
            page(get("/categories/gifts"), List.of(ja, typed.get("descriptionJa")));
            page(get("/categories/gifts?lang=en"), List.of(typed.get("nameEn"), typed.get("descriptionEn")));
            page(get("/"), List.of(ja));
            page(get("/programs"), List.of(ja));
            page(get("/programs?category=gifts"), List.of(ja));
            page(get("/programs/7"), List.of(ja));
            page(staff(get("/admin/categories")), List.of(ja));
            page(staff(get("/admin/categories/gifts")), List.of(ja, typed.get("nameEn"), typed.get("descriptionJa"),
                    typed.get("descriptionEn")));
            page(staff(get("/admin/programs/new")), List.of(ja));
            assertThat(strings(api("/api/v1/categories"))).contains(ja, typed.get("descriptionJa"));
            assertThat(strings(api("/api/v1/programs/7"))).contains(ja);
        } finally {
            fetch(postForm("/admin/categories/gifts", Map.of("nameJa", (String) original.get("name_ja"),
                    "nameEn", (String) original.get("name_en"), "descriptionJa", (String) original.get("description_ja"),
                    "descriptionEn", (String) original.get("description_en"))));
        }
        assertThat(seededState()).isEqualTo(seeded);
    }

    @Test
    void placeNamesAreInertInTheTileMapAndEverywhere() throws Exception {
        Map<String, String> seeded = seededState();
        Map<String, Object> pref = jdbc.queryForMap("select name_ja, name_kana, name_en from prefecture where code = '03'");
        Map<String, Object> city = jdbc.queryForMap("select name_ja, name_kana, name_en from municipality where lg_code = '032018'");
        // Prefecture names are short (10 / 20 characters): a longer name is refused with a message, not a failure.
        MockHttpServletResponse tooLong = fetch(postForm("/admin/places/03",
                Map.of("nameJa", "zxqpref <b>x</b>", "nameKana", "いわて", "nameEn", "Iwate <svg onload=alert(1)>")));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        check("prefecture too long", body(tooLong), List.of("zxqpref <b>x</b>", "Iwate <svg onload=alert(1)>"));
        String ja = "zq\"'><b>x";
        String en = "zq\"><svg onload=1>";
        String cityJa = "zxqcity <svg onload=alert(1)>";
        String cityEn = "zxqcityen \"><img src=x onerror=alert(1)>";
        try {
            accepted(fetch(postForm("/admin/places/03", Map.of("nameJa", ja, "nameKana", "いわて", "nameEn", en))));
            accepted(fetch(postForm("/admin/places/032018", Map.of("nameJa", cityJa, "nameKana", "もりおかし",
                    "nameEn", cityEn))));
            for (String url : new String[] {"/", "/programs"}) {
                Document doc = Jsoup.parse(page(get(url), List.of(ja)));
                assertThat(doc.select("svg.tsn-map__svg [aria-label]").eachAttr("aria-label"))
                        .as("tile labels on " + url).anyMatch(label -> label.contains(ja));
                assertThat(doc.select("svg.tsn-map__svg tspan").eachText()).as(url).contains(ja);
            }
            page(get("/?lang=en"), List.of(en));
            page(get("/prefectures"), List.of(ja));
            page(get("/programs/7"), List.of(ja, cityJa));
            page(get("/programs/7?lang=en"), List.of(en, cityEn));
            assertThat(strings(api("/api/v1/programs/7"))).contains(ja, cityJa);
            page(get("/programs?pref=03"), List.of(ja));
            page(get("/eligibility?age=22&hometown=032018&residence=13&school=university&grade=4&familyHome=032018&applicant=self"),
                    List.of(cityJa));
            page(staff(get("/admin/places?q=03")), List.of(ja));
            page(staff(get("/admin/places?q=zxqcity")), List.of(cityJa));
            page(staff(get("/admin/places/03")), List.of(ja, en));
            page(staff(get("/admin/places/032018")), List.of(cityJa, cityEn));
            page(staff(get("/admin/programs/7/edit")), List.of(cityJa));
            assertThat(strings(api("/api/v1/prefectures"))).contains(ja, en);
            assertThat(strings(api("/api/v1/municipalities?pref=03"))).contains(cityJa);
        } finally {
            fetch(postForm("/admin/places/03", Map.of("nameJa", (String) pref.get("name_ja"),
                    "nameKana", (String) pref.get("name_kana"), "nameEn", (String) pref.get("name_en"))));
            fetch(postForm("/admin/places/032018", Map.of("nameJa", (String) city.get("name_ja"),
                    "nameKana", (String) city.get("name_kana"), "nameEn", (String) city.get("name_en"))));
        }
        assertThat(seededState()).isEqualTo(seeded);
    }

    @Test
    void staffNamesAreInert() throws Exception {
        Map<String, String> seeded = seededState();
        String display = "zxqstaff <script>alert(1)</script> \"><img src=x onerror=alert(1)>";
        try {
            MockHttpServletResponse refused = fetch(post("/admin/users").with(user("xss-admin").roles("ADMIN")).with(csrf())
                    .param("username", "zxquser\"><svg onload=alert(1)>").param("displayName", display)
                    .param("email", "zxq\"><svg onload=alert(1)>@example.jp").param("role", "EDITOR"));
            assertThat(refused.getStatus()).isEqualTo(400);
            check("refused user", body(refused), List.of("zxquser\"><svg onload=alert(1)>", display,
                    "zxq\"><svg onload=alert(1)>@example.jp"));
            MockHttpServletResponse created = fetch(post("/admin/users").with(user("xss-admin").roles("ADMIN")).with(csrf())
                    .param("username", "zxquser").param("displayName", display)
                    .param("email", "zxq+<b>x</b>@example.jp").param("role", "EDITOR"));
            assertThat(created.getStatus()).isEqualTo(302);
            long id = jdbc.queryForObject("select id from staff_user where username = 'zxquser'", Long.class);
            page(get("/admin/users").with(user("xss-admin").roles("ADMIN")), List.of(display));
            page(get("/admin/users/" + id).with(user("xss-admin").roles("ADMIN")), List.of(display,
                    "zxq+<b>x</b>@example.jp"));
        } finally {
            jdbc.update("delete from staff_user where username = 'zxquser'");
        }
        assertThat(seededState()).isEqualTo(seeded);
    }

    @Test
    void anImportedProgramIsInert() throws Exception {
        Map<String, String> seeded = seededState();
        List<Long> created = new ArrayList<>();
        try {
            ObjectNode root = (ObjectNode) json.readTree(fetch(staff(get("/admin/export"))).getContentAsByteArray());
            ObjectNode program = (ObjectNode) root.path("programs").get(6).deepCopy();
            program.remove("id");
            ObjectNode content = (ObjectNode) program.path("content");
            String name = "zxqimport </script><script>alert(1)</script> [[${7*7}]]";
            String summary = "=HYPERLINK(\"http://x\") zxqimportsummary <!-- '><svg onload=alert(1)>";
            content.put("name", name);
            content.put("summary", summary);
            root.putArray("programs").add(program);
            MockHttpServletResponse checked = fetch(multipart("/admin/import").file(new MockMultipartFile("file",
                    "catalogue.json", "application/json", json.writeValueAsBytes(root)))
                    .param("keepStatus", "true").with(user("xss-editor").roles("EDITOR")).with(csrf()));
            String dryRun = check("import dry run", body(checked), List.of(name));
            Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"").matcher(dryRun);
            assertThat(token.find()).as(dryRun).isTrue();
            MockHttpServletResponse applied = fetch(post("/admin/import/apply").param("token", token.group(1))
                    .cookie(checked.getCookies()).with(user("xss-editor").roles("EDITOR")).with(csrf()));
            assertThat(applied.getStatus()).isEqualTo(302);
            long id = jdbc.queryForObject("select id from program where name = ?", Long.class, name);
            created.add(id);
            page(get("/programs/" + id), List.of(name, summary));
            linkedData(body(fetch(get("/programs/" + id))), name);
            page(get("/programs").param("q", "zxqimport"), List.of(name));
            assertThat(strings(api("/api/v1/programs/" + id))).contains(name, summary);
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(body(fetch(get("/programs.csv?q=zxqimport")))))
                    .getRecords();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).toList()).contains(name, "'" + summary);
        } finally {
            removePrograms(created);
        }
        assertThat(seededState()).isEqualTo(seeded);
    }

    // ------------------------------------------------------------------ review comments

    /** A review comment: its marker, then every payload on a line of its own. */
    static String reviewComment(String marker) {
        return marker + "\n" + String.join("\n", PAYLOADS);
    }

    @Test
    void reviewCommentsAreInertOnTheEditReviewAndHistoryPages() throws Exception {
        Map<String, String> seeded = seededState();
        List<Long> created = new ArrayList<>();
        RequestPostProcessor morioka = user("xss-org").authorities(new SimpleGrantedAuthority("ROLE_ORG_EDITOR"),
                new SimpleGrantedAuthority("ORG_032018"));
        RequestPostProcessor reviewer = user("xss-reviewer").roles("EDITOR");
        String submitted = reviewComment("zxqsubmit");
        String returned = reviewComment("zxqreturn");
        String resubmitted = reviewComment("zxqresubmit");
        String approved = reviewComment("zxqapprove");
        try {
            // A draft of 盛岡市 (a copy of its program 7), submitted by 盛岡市 and returned by the office.
            long id = editor.create(editor.editable(7).orElseThrow().content().renamed("zxqreviewed もりおか"), false,
                    "xss-org");
            created.add(id);
            String edit = "/admin/programs/" + id + "/edit";
            String reviewPage = "/admin/reviews/" + id;
            String history = "/admin/programs/" + id + "/history";
            assertThat(fetch(post("/admin/programs/" + id + "/submit").with(morioka).with(csrf())
                    .param("comment", submitted)).getStatus()).isEqualTo(302);
            page(get(reviewPage).with(reviewer), List.of(submitted));
            reviewPanel(page(get(edit).with(morioka), List.of(submitted)), submitted);

            assertThat(fetch(post(reviewPage + "/return").with(reviewer).with(csrf()).param("comment", returned))
                    .getStatus()).isEqualTo(302);
            reviewPanel(page(get(edit).with(morioka), List.of(submitted, returned)), returned);
            page(get(reviewPage).with(reviewer), List.of(submitted, returned));
            page(get(history).with(morioka), List.of(submitted, returned));

            // Submitted again and approved: the whole thread, on every page that shows it.
            assertThat(fetch(post("/admin/programs/" + id + "/submit").with(morioka).with(csrf())
                    .param("comment", resubmitted)).getStatus()).isEqualTo(302);
            page(get(reviewPage).with(reviewer), List.of(submitted, returned, resubmitted));

            // A refused step (a comment over 2,000 characters) shows the typed comment again in the form (400).
            String tooLong = reviewComment("zxqtoolong") + "\n" + "x".repeat(ProgramReview.MAX_COMMENT);
            MockHttpServletResponse refused = fetch(post(reviewPage + "/return").with(reviewer).with(csrf())
                    .param("comment", tooLong));
            assertThat(refused.getStatus()).isEqualTo(400);
            check("refused return", body(refused), List.of(tooLong, submitted, returned, resubmitted));
            assertThat(Jsoup.parse(body(refused)).getElementById("comment").val()).isEqualTo(tooLong);
            long version = editor.editable(id).orElseThrow().version();
            assertThat(fetch(post(reviewPage + "/approve").with(reviewer).with(csrf())
                    .param("version", Long.toString(version)).param("comment", approved)).getStatus()).isEqualTo(302);
            List<String> thread = List.of(submitted, returned, resubmitted, approved);
            reviewPanel(page(get(edit).with(morioka), thread), approved);
            page(get(edit).with(reviewer), thread);
            page(get(history).with(morioka), thread);
            page(get(history).with(reviewer), thread);
            page(get(reviewPage).with(reviewer), thread);
            // Comments are staff's: the public page shows none.
            assertThat(body(fetch(get("/programs/" + id)))).doesNotContain("zxqsubmit").doesNotContain("zxqreturn")
                    .doesNotContain("zxqapprove");
        } finally {
            removePrograms(created);
        }
        assertThat(seededState()).isEqualTo(seeded);
    }

    /** The edit page's 審査 panel holds the thread, with the comment as text of a comment's body. */
    static void reviewPanel(String html, String comment) {
        Element panel = Jsoup.parse(html).selectFirst("section[aria-labelledby=review-title]");
        assertThat(panel).as("審査 panel").isNotNull();
        assertThat(panel.select(".tsn-comment__body").eachText().stream().map(StoredXssTest::normalize).toList())
                .as("comments in the 審査 panel")
                .contains(normalize(comment));
    }

    // ------------------------------------------------------------------ the HTML checks

    /** Fetches an HTML page (200) and checks it. */
    String page(MockHttpServletRequestBuilder request, List<String> mustShow) throws Exception {
        var result = mvc.perform(request).andReturn();
        MockHttpServletResponse r = result.getResponse();
        String query = result.getRequest().getQueryString();
        String url = result.getRequest().getRequestURI() + (query == null ? "" : "?" + query);
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/html");
        return check(url, body(r), mustShow);
    }

    /**
     * The page's only scripts are the site's own, no element has an event handler attribute or a javascript: URL,
     * nothing was built from a payload, and every text in {@code mustShow} is shown as text (or as a form value or
     * label) — with the expressions shown literally, never evaluated.
     */
    static String check(String what, String html, List<String> mustShow) {
        Document doc = Jsoup.parse(html);
        int scripts = 0;
        for (Element script : doc.select("script")) {
            scripts++;
            boolean own = script.attr("src").startsWith("/assets/") && script.data().isBlank();
            boolean data = script.attr("type").equals("application/ld+json") && script.attr("src").isEmpty()
                    && script.parent() == doc.head();
            assertThat(own || data).as(what + ": foreign script " + script.outerHtml()).isTrue();
        }
        Matcher opened = Pattern.compile("<script[\\s>/]", Pattern.CASE_INSENSITIVE).matcher(html);
        int raw = 0;
        while (opened.find()) {
            raw++;
        }
        assertThat(raw).as(what + ": <script in the markup").isEqualTo(scripts);
        StringBuilder visible = new StringBuilder(doc.text());
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as(what + ": attribute on " + e.tagName()).doesNotStartWith("on");
                if (List.of("href", "src", "action", "formaction", "xlink:href", "data").contains(name)) {
                    String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    assertThat(value).as(what + ": " + name + " on " + e.tagName())
                            .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:text/html");
                }
                if (List.of("value", "aria-label", "title", "content", "placeholder").contains(name)) {
                    visible.append(' ').append(a.getValue());
                }
            }
        }
        assertThat(doc.select("img[src=x], iframe, object, embed, svg:not(.tsn-map__svg):not(.tsn-chart__svg), svg svg, a[href^=javascript]"))
                .as(what + ": elements made from a payload").isEmpty();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment c) {
                assertThat(c.getData()).as(what + ": comment holding stored text").doesNotContain("zxq");
            }
        }, doc);
        String text = normalize(visible.toString());
        for (String expected : mustShow) {
            assertThat(text).as(what + ": shows its text").contains(normalize(expected));
            for (String expression : EXPRESSIONS) {
                if (expected.contains(expression)) {
                    assertThat(text).as(what).doesNotContain(normalize(expected.replace(expression, "49")));
                }
            }
        }
        return html;
    }

    static String normalize(String s) {
        return s.replaceAll("[\\s\\u00a0\\u2028\\u2029]+", " ").strip();
    }
}
