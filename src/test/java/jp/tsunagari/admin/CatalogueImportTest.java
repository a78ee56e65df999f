package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramRevision;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.catalogue.RevisionAction;
import jp.tsunagari.opendata.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import and full export against their own database (they wipe and re-seed it): the round trip export → empty
 * database → import → export is identical; a 20-row CSV with 3 bad rows gets exactly 3 precise problems and imports
 * once fixed; a failure half-way leaves the catalogue as it was.
 */
@SpringBootTest(properties = {"catalogue.search.refresh-ms=100",
        "spring.datasource.url=jdbc:h2:mem:catalogue-import;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class CatalogueImportTest {

    @Autowired
    CatalogueImport imports;

    @Autowired
    CatalogueExport exports;

    @MockitoSpyBean
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    /** Every test starts from the 15 seeded programs and no history. */
    @BeforeEach
    void seed() {
        reset(editor);
        wipe();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V5__seed_programs.sql"));
            return null;
        });
        jdbc.update("update change_marker set counter = counter + 1 where id = 1");
    }

    void wipe() {
        for (String table : List.of("criterion", "target_group", "section_item", "program_section", "reach_metric",
                "example_group", "program_data_note", "program_audience", "program_draft", "program_revision",
                "program")) {
            jdbc.update("delete from " + table);
        }
        jdbc.execute("alter table program alter column id restart with 1000");
    }

    String export() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        exports.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    long programs() {
        return jdbc.queryForObject("select count(*) from program", Long.class);
    }

    @Test
    void aFullExportImportedIntoAnEmptyDatabaseExportsIdentically() {
        ProgramContent any = editor.editable(3).orElseThrow().content();
        long created = editor.create(any.renamed("書き出し前に作った施策"), true, "test");
        assertThat(created).isEqualTo(1000);
        String before = export();
        assertThat(json.readTree(before).path("programs")).hasSize(16);

        wipe();
        assertThat(programs()).isZero();
        ImportPlan plan = imports.plan("catalogue.json", before.getBytes(StandardCharsets.UTF_8), true);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.count(ImportPlan.Kind.NEW)).isEqualTo(16);

        imports.apply("catalogue.json", before.getBytes(StandardCharsets.UTF_8), true, "importer");
        assertThat(export()).isEqualTo(before);

        // The ids were kept (links stay valid) and the generator moved past them (the empty database would give 1000).
        long next = editor.create(any.renamed("取込後の新規"), false, "test");
        assertThat(next).isEqualTo(1001);

        // History says who imported.
        List<ProgramRevision> history = editor.history(5);
        assertThat(history).extracting(ProgramRevision::action).containsExactly(RevisionAction.IMPORT);
        assertThat(history.get(0).changedBy()).isEqualTo("importer");

        // Importing the same file again changes nothing.
        ImportPlan again = imports.plan("catalogue.json", before.getBytes(StandardCharsets.UTF_8), true);
        assertThat(again.count(ImportPlan.Kind.UNCHANGED)).isEqualTo(16);
    }

    @Test
    void aTwentyRowCsvWithThreeBadRowsIsRefusedPreciselyAndImportsOnceFixed() throws Exception {
        byte[] exported = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/programs.csv")).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> records = Csv.FORMAT.parse(new StringReader(new String(exported, StandardCharsets.UTF_8)))
                .getRecords();
        List<String> header = records.get(0).toList();
        assertThat(records).hasSize(16);
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            rows.add(new ArrayList<>(r.toList()));
        }
        for (int i = 1; i <= 5; i++) {
            List<String> row = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
            set(header, row, "全国地方公共団体コード", "032018");
            set(header, row, "都道府県名", "岩手県");
            set(header, row, "市区町村名", "盛岡市");
            set(header, row, "施策名", "取込試験施策" + i);
            set(header, row, "施策名よみ", "とりこみしけんしさく");
            set(header, row, "区分", "地元産品等の贈り物");
            set(header, row, "主な手段", "特産品などの送付");
            set(header, row, "状況", "実施中");
            set(header, row, "開始年月", "2025-0" + i);
            set(header, row, "概要", "=SUM(1+1) のような式で始まる概要");
            set(header, row, "対象", "市出身の学生");
            set(header, row, "指標", "登録者数");
            set(header, row, "指標値", Integer.toString(100 * i));
            set(header, row, "指標単位", "人");
            set(header, row, "指標基準日", "2025-04-01");
            rows.add(row);
        }
        assertThat(rows).hasSize(20);
        String good = csv(header, rows);

        // Three bad rows, one problem each: a code with a wrong check digit, an unknown category, a bad count.
        List<List<String>> bad = new ArrayList<>();
        rows.forEach(r -> bad.add(new ArrayList<>(r)));
        set(header, bad.get(15), "全国地方公共団体コード", "032019");
        set(header, bad.get(17), "区分", "おみやげ");
        set(header, bad.get(19), "指標値", "たくさん");
        ImportPlan refused = imports.plan("programs.csv", csv(header, bad).getBytes(StandardCharsets.UTF_8), true);
        assertThat(refused.ok()).isFalse();
        // Spreadsheet rows (header row 1): the 16th, 18th and 20th programs; the file lines differ (multi-line cells).
        int firstNewLine = lineOfRow(csv(header, bad), 16);
        assertThat(refused.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.key())
                .containsExactly("17 全国地方公共団体コード admin.import.error.lgCode",
                        "19 区分 admin.import.error.category",
                        "21 指標値 admin.error.count");
        assertThat(refused.problems()).extracting(ImportPlan.Problem::fileLine)
                .containsExactly(firstNewLine, firstNewLine + 2, firstNewLine + 4);
        assertThat(firstNewLine).as("the seeded rows have multi-line cells").isGreaterThan(17);
        assertThat(refused.count(ImportPlan.Kind.ERROR)).isEqualTo(3);
        assertThat(refused.count(ImportPlan.Kind.NEW)).isEqualTo(2);
        assertThat(refused.count(ImportPlan.Kind.UNCHANGED)).isEqualTo(15);
        ImportPlan notApplied = imports.apply("programs.csv", csv(header, bad).getBytes(StandardCharsets.UTF_8), true,
                "importer");
        assertThat(notApplied.ok()).isFalse();
        assertThat(programs()).isEqualTo(15);

        ImportPlan plan = imports.plan("programs.csv", good.getBytes(StandardCharsets.UTF_8), false);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.count(ImportPlan.Kind.NEW)).isEqualTo(5);
        imports.apply("programs.csv", good.getBytes(StandardCharsets.UTF_8), false, "importer");
        assertThat(programs()).isEqualTo(20);
        assertThat(jdbc.queryForList("select status from program where name like '取込試験施策%'", String.class))
                .as("imported as drafts unless the importer keeps the file's status").containsOnly("DRAFT");
        ProgramEditor.Editable imported = editor.editable(jdbc.queryForObject(
                "select id from program where name = '取込試験施策3'", Long.class)).orElseThrow();
        assertThat(imported.content().summary()).as("the apostrophe against formulas is taken off")
                .isEqualTo("=SUM(1+1) のような式で始まる概要");
        assertThat(imported.content().organizerMunicipalityCode()).isEqualTo("032018");
        assertThat(imported.content().startYear()).isEqualTo(2025);
        assertThat(imported.content().metrics()).extracting(ProgramContent.Metric::value).containsExactly(300L);
    }

    @Test
    void applicationAndScheduleColumnsAreImportedAndCheckedLikeTheForm() throws Exception {
        byte[] exported = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/programs.csv")).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> records = Csv.FORMAT.parse(new StringReader(new String(exported, StandardCharsets.UTF_8)))
                .getRecords();
        List<String> header = records.get(0).toList();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            rows.add(new ArrayList<>(r.toList()));
        }
        List<String> morioka = rows.stream().filter(r -> r.get(header.indexOf("ID")).equals("7")).findFirst().orElseThrow();
        set(header, morioka, "申込方法", "申込書を郵送");
        set(header, morioka, "問い合わせ電話番号", "019-651-4111");
        set(header, morioka, "問い合わせメールアドレス", "no-at-sign");
        set(header, morioka, "利用者の費用", "1,500円");
        set(header, morioka, "終了年月", "2027/03");
        set(header, morioka, "受付期間", "毎年 2026-05-31/2026-04-01\n来年の春");
        ImportPlan unreadable = imports.plan("programs.csv", csv(header, rows).getBytes(StandardCharsets.UTF_8), true);
        assertThat(unreadable.problems()).extracting(p -> p.column() + " " + p.key() + " " + p.args()[0])
                .containsExactly("受付期間 admin.import.error.period 来年の春");
        set(header, morioka, "受付期間", "毎年 2026-05-31/2026-04-01");
        ImportPlan refused = imports.plan("programs.csv", csv(header, rows).getBytes(StandardCharsets.UTF_8), true);
        assertThat(refused.problems()).extracting(p -> p.column() + " " + p.key()).containsExactlyInAnyOrder(
                "受付期間 admin.error.period.order", "問い合わせメールアドレス admin.error.email");

        set(header, morioka, "問い合わせメールアドレス", "");
        set(header, morioka, "受付期間", "毎年 2026-04-01/2026-05-31\n2026-11-01～2026-12-15");
        ImportPlan applied = imports.apply("programs.csv", csv(header, rows).getBytes(StandardCharsets.UTF_8), true,
                "importer");
        assertThat(applied.problems()).isEmpty();
        ProgramContent c = editor.editable(7).orElseThrow().content();
        assertThat(c.application().method()).isEqualTo("申込書を郵送");
        assertThat(c.application().contactPhone()).isEqualTo("019-651-4111");
        assertThat(c.application().cost()).isEqualTo(jp.tsunagari.catalogue.ApplicationCost.AMOUNT);
        assertThat(c.application().costAmount()).isEqualTo(1500);
        assertThat(c.schedule()).isEqualTo(new ProgramContent.Schedule(2027, 3, List.of(
                new ProgramContent.Period(java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 5, 31), true),
                new ProgramContent.Period(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 12, 15),
                        false))));
        String again = new String(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/programs.csv?ended=include&pref=03")).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(again).contains("毎年 2026-04-01/2026-05-31\n2026-11-01/2026-12-15").contains("2027-03")
                .contains("1500円");
    }

    @Test
    void aFailureHalfWayLeavesTheCatalogueAsItWas() {
        String before = export();
        ProgramEditor.Editable p5 = editor.editable(5).orElseThrow();
        ProgramEditor.Editable p6 = editor.editable(6).orElseThrow();
        CatalogueFile file = new CatalogueFile(CatalogueFile.FORMAT, CatalogueFile.VERSION, null, null, List.of(
                new CatalogueFile.ProgramEntry(5L, PublicationStatus.PUBLISHED, p5.content().renamed("変更1")),
                new CatalogueFile.ProgramEntry(6L, PublicationStatus.PUBLISHED, p6.content().renamed("変更2")),
                new CatalogueFile.ProgramEntry(null, PublicationStatus.DRAFT, p6.content().renamed("新規"))));
        byte[] bytes = json.writeValueAsBytes(file);
        assertThat(imports.plan("x.json", bytes, true).ok()).isTrue();

        AtomicInteger calls = new AtomicInteger();
        doAnswer(invocation -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("disk full (simulated)");
            }
            return invocation.callRealMethod();
        }).when(editor).importUpdate(anyLong(), any(), anyBoolean(), anyString());

        assertThatThrownBy(() -> imports.apply("x.json", bytes, true, "importer"))
                .hasMessageContaining("simulated");
        assertThat(export()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from program_revision", Long.class)).isZero();
    }

    @Test
    void unusableFilesGetOneClearProblem() {
        assertThat(keys(imports.plan("a.json", "{\n \"format\": \"tsunagari-catalogue\",\n \"programs\": [ {,] }"
                .getBytes(StandardCharsets.UTF_8), true))).containsExactly("3 null admin.import.error.json");
        assertThat(keys(imports.plan("a.json", "{\"format\": \"other\", \"programs\": []}"
                .getBytes(StandardCharsets.UTF_8), true))).containsExactly("1 null admin.import.error.jsonShape");
        assertThat(keys(imports.plan("a.csv", "施策名,区分\n盛岡,gifts\n".getBytes(Charset.forName("Shift_JIS")), true)))
                .containsExactly("0 null admin.import.error.encoding");
        assertThat(keys(imports.plan("a.csv", new byte[0], true))).containsExactly("0 null admin.import.error.empty");
        assertThat(keys(imports.plan("a.csv", new byte[CatalogueImport.MAX_BYTES + 1], true)))
                .containsExactly("0 null admin.import.error.tooLarge");
        assertThat(keys(imports.plan("a.csv", "施策名,区分,色\n".getBytes(StandardCharsets.UTF_8), true)))
                .containsExactly("1 色 admin.import.error.unknownColumn");
        assertThat(keys(imports.plan("a.csv", "施策名,概要\n".getBytes(StandardCharsets.UTF_8), true)))
                .containsExactly("1 区分 admin.import.error.missingColumn");
        // The same id twice, and a prefecture name that does not match the code.
        String rows = "ID,全国地方公共団体コード,都道府県名,施策名,区分\n5,,,ふるさと南部からのエール便,gifts\n5,,,同じID,gifts\n"
                + ",020001,岩手県,県の施策,sns\n";
        assertThat(keys(imports.plan("a.csv", rows.getBytes(StandardCharsets.UTF_8), true)))
                .contains("3 ID admin.import.error.duplicateId", "4 都道府県名 admin.import.error.nameMismatch");
        assertThat(programs()).isEqualTo(15);
    }

    static List<String> keys(ImportPlan plan) {
        return plan.problems().stream().map(p -> p.line() + " " + p.column() + " " + p.key()).toList();
    }

    static void set(List<String> header, List<String> row, String column, String value) {
        row.set(header.indexOf(column), value);
    }

    static String csv(List<String> header, List<List<String>> rows) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::safe).toList());
            }
        }
        return out.toString();
    }

    /** The line where data row {@code n} (from 1) starts, counting the newlines inside quoted cells. */
    static int lineOfRow(String csv, int n) throws Exception {
        int line = 2;
        List<CSVRecord> records = Csv.FORMAT.parse(new StringReader(csv)).getRecords();
        for (int i = 1; i < n; i++) {
            line += 1 + (int) records.get(i).toList().stream().mapToLong(c -> c.chars().filter(ch -> ch == '\n').count())
                    .sum();
        }
        return line;
    }
}
