package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dry run speaks in spreadsheet rows: problems name the row as Excel numbers it (header row 1) and the column by
 * letter and header text, with the file's line only as a detail; files that cannot be a program table each get their
 * own message (empty, header only, tabs or semicolons, Shift_JIS, too many rows), and a dry run changes nothing.
 */
@SpringBootTest
@Transactional
class ImportRowsTest {

    static final String BOM = "\uFEFF";

    @Autowired
    CatalogueImport imports;

    @Autowired
    JdbcTemplate jdbc;

    /** The columns a new program needs, then 概要 (E) and URL (F). */
    static final String HEADER = "施策名,施策名よみ,区分,主な手段,概要,URL";

    /** A row of {@link #HEADER}: the name, then the other cells as given (概要 and URL written as they are). */
    static String row(String name, String summary, String url) {
        return name + ",しさく,sns,特産品などの送付," + summary + "," + url;
    }

    /** Rows 2–5; 概要 (column E) spans 2, 3, 2 and 1 lines, so row 4 starts on line 7 and its URL cell on line 8. */
    static String multiLine(String eol) {
        return HEADER + eol
                + row("一", "\"一行目" + eol + "二行目\"", "https://example.jp/1") + eol
                + row("二", "\"a" + eol + "b" + eol + "c\"", "https://example.jp/2") + eol
                + row("三", "\"x" + eol + "y\"", "URLではない") + eol
                + row("", "概要", "https://example.jp/5") + eol;
    }

    static List<String> where(ImportPlan plan) {
        return plan.problems().stream().map(p -> p.line() + " " + p.letter() + " " + p.column() + " " + p.fileLine()
                + " " + p.key()).toList();
    }

    @Test
    void problemsNameTheSpreadsheetRowAndColumnWithTheFileLineAsADetail() {
        List<String> expected = List.of("4 F URL 8 admin.error.url", "5 A 施策名 9 admin.error.required");
        for (String file : List.of(BOM + multiLine("\r\n"), multiLine("\r\n"), BOM + multiLine("\n"),
                multiLine("\n"))) {
            ImportPlan plan = imports.plan("rows.csv", file.getBytes(StandardCharsets.UTF_8), false);
            assertThat(plan.fileProblems()).isEmpty();
            assertThat(plan.rows()).extracting(ImportPlan.Row::line).containsExactly(2, 3, 4, 5);
            assertThat(where(plan)).as("CRLF and LF, with and without BOM").isEqualTo(expected);
            assertThat(plan.problems().get(0).fileLineDiffers()).isTrue();
            assertThat(plan.problems().get(1).fileLineDiffers()).isTrue();
        }
    }

    @Test
    void aMultiLineCellKeepsTheRestOfTheRowOnItsLastLine() {
        // Row 2's 概要 (E) has 3 lines: F of row 2 is on line 4, and row 3 starts on line 5.
        String file = HEADER + "\r\n" + row("良い施策", "\"1\r\n2\r\n3\"", "ftp://x") + "\r\n" + row("", "", "")
                + "\r\n";
        assertThat(where(imports.plan("a.csv", file.getBytes(StandardCharsets.UTF_8), false)))
                .containsExactly("2 F URL 4 admin.error.url", "3 A 施策名 5 admin.error.required");
    }

    @Test
    void blankRowsCountAsRowsLikeInASpreadsheet() {
        String file = HEADER + "\n\n,,\n" + row("", "", "") + "\n";
        assertThat(where(imports.plan("a.csv", file.getBytes(StandardCharsets.UTF_8), false)))
                .containsExactly("4 A 施策名 4 admin.error.required");
    }

    @Test
    void columnLettersGoOnPastZ() {
        assertThat(List.of(0, 3, 25, 26, 27, 35, 701, 702).stream().map(CsvImport::letter))
                .containsExactly("A", "D", "Z", "AA", "AB", "AJ", "ZZ", "AAA");
        assertThat(CsvImport.lineEnds("a\r\nb\nc\rd")).isEqualTo(3);
    }

    @Test
    void anUnknownColumnIsNamedWithItsLetter() {
        ImportPlan plan = imports.plan("a.csv", "施策名,区分,色\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(where(plan)).containsExactly("1 C 色 1 admin.import.error.unknownColumn");
    }

    @Test
    void eachUnusableFileHasItsOwnMessage() {
        assertThat(fileKey("a.csv", new byte[0])).isEqualTo("admin.import.error.empty");
        assertThat(fileKey("a.csv", utf8("施策名,区分\r\n"))).isEqualTo("admin.import.error.noRows");
        assertThat(fileKey("a.csv", utf8(BOM + "施策名,区分\r\n\r\n,\r\n"))).isEqualTo("admin.import.error.noRows");
        assertThat(fileKey("a.json", utf8("{\"format\": \"tsunagari-catalogue\", \"programs\": []}")))
                .isEqualTo("admin.import.error.noPrograms");
        assertThat(fileKey("a.csv", utf8("施策名\t区分\r\n盛岡\tsns\r\n"))).isEqualTo("admin.import.error.delimiter.tab");
        assertThat(fileKey("a.txt", utf8(BOM + "\"施策名\"\t\"区分\"\n"))).isEqualTo("admin.import.error.delimiter.tab");
        assertThat(fileKey("a.csv", utf8("施策名;区分\n盛岡;sns\n"))).isEqualTo("admin.import.error.delimiter.semicolon");
        assertThat(fileKey("a.csv", "施策名,区分\r\n盛岡の施策,sns\r\n".getBytes(Charset.forName("windows-31j"))))
                .isEqualTo("admin.import.error.encoding");
        assertThat(fileKey("a.csv", "施策名,区分\n盛岡,gifts\n".getBytes(Charset.forName("Shift_JIS"))))
                .isEqualTo("admin.import.error.encoding");
        // One column alone is not a delimiter problem: the missing 区分 column is named.
        assertThat(imports.plan("a.csv", utf8("施策名\n盛岡\n"), false).problems())
                .extracting(ImportPlan.Problem::key).containsExactly("admin.import.error.missingColumn");
    }

    @Test
    void aHundredThousandRowFileIsRefusedBeforeAnyRowIsChecked() {
        StringBuilder csv = new StringBuilder("施策名,区分\r\n");
        for (int i = 1; i <= 100_000; i++) {
            csv.append("施策").append(i).append(",sns\r\n");
        }
        byte[] bytes = utf8(csv.toString());
        assertThat(bytes.length).as("under the 5 MB upload limit").isLessThan(CatalogueImport.MAX_BYTES);
        ImportPlan plan = imports.plan("big.csv", bytes, false);
        assertThat(plan.rows()).isEmpty();
        assertThat(plan.problems()).extracting(p -> p.key() + " " + p.args()[0])
                .containsExactly("admin.import.error.tooManyRows " + CatalogueImport.MAX_ROWS);
        assertThat(fileKey("huge.csv", new byte[CatalogueImport.MAX_BYTES + 1])).isEqualTo("admin.import.error.tooLarge");
    }

    @Test
    void aFileOfExactlyTheLimitIsPlannedAndADryRunChangesNothing() {
        StringBuilder csv = new StringBuilder(BOM + HEADER + "\r\n");
        for (int i = 1; i <= CatalogueImport.MAX_ROWS; i++) {
            csv.append(row("上限の試験施策" + i, "\"一行目\r\n二行目\"", "https://example.jp/" + i)).append("\r\n");
        }
        long programs = count();
        long revisions = jdbc.queryForObject("select count(*) from program_revision", Long.class);
        long started = System.nanoTime();
        ImportPlan plan = imports.plan("limit.csv", utf8(csv.toString()), false);
        System.out.printf("ImportRowsTest: %,d rows (%,d bytes) planned in %d ms%n", CatalogueImport.MAX_ROWS,
                utf8(csv.toString()).length, (System.nanoTime() - started) / 1_000_000);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.count(ImportPlan.Kind.NEW)).isEqualTo(CatalogueImport.MAX_ROWS);
        assertThat(plan.rows().get(CatalogueImport.MAX_ROWS - 1).line()).isEqualTo(CatalogueImport.MAX_ROWS + 1);
        assertThat(count()).isEqualTo(programs);
        assertThat(jdbc.queryForObject("select count(*) from program_revision", Long.class)).isEqualTo(revisions);
    }

    long count() {
        return jdbc.queryForObject("select count(*) from program", Long.class);
    }

    String fileKey(String name, byte[] bytes) {
        ImportPlan plan = imports.plan(name, bytes, false);
        assertThat(plan.ok()).isFalse();
        assertThat(plan.rows()).isEmpty();
        assertThat(plan.problems()).hasSize(1);
        assertThat(plan.problems().get(0).line()).as("about the file as a whole").isZero();
        return plan.problems().get(0).key();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
