package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.opendata.Csv;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import page's messages: a changed output-only cell is a warning naming the row and column that stays next to
 * the import button (and the other columns are imported); each unusable file gets its own message and no button; a
 * dry run changes nothing (each test rolled back).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ImportPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    MvcResult upload(String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", name, "text/csv", bytes))
                .with(user("ed").roles("EDITOR")).with(csrf())).andExpect(status().isOk()).andReturn();
    }

    String page(String name, byte[] bytes) throws Exception {
        String page = upload(name, bytes).getResponse().getContentAsString();
        assertThat(jp.tsunagari.web.HtmlChecker.errors(page)).isEmpty();
        return page;
    }

    /** The public CSV as rows of cells (header first). */
    List<List<String>> exported() throws Exception {
        byte[] csv = mvc.perform(get("/programs.csv")).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : Csv.FORMAT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            rows.add(new ArrayList<>(r.toList()));
        }
        return rows;
    }

    @Test
    void aChangedOutputOnlyCellIsAWarningOnItsRowAndTheOtherColumnsAreImported() throws Exception {
        List<List<String>> rows = exported();
        List<String> header = rows.get(0);
        List<String> morioka = rows.stream().filter(r -> r.get(header.indexOf("ID")).equals("7")).findFirst()
                .orElseThrow();
        int row = rows.indexOf(morioka) + 1;
        String name = morioka.get(header.indexOf("施策名"));
        morioka.set(header.indexOf("年齢下限"), "18");
        morioka.set(header.indexOf("最終確認日"), "2026-12-01");
        morioka.set(header.indexOf("施策名"), name + "（改）");
        // What a spreadsheet does on saving is not a change: another host in 掲載ページ.
        morioka.set(header.indexOf("掲載ページ"), "https://example.jp/programs/7");
        String file = "\uFEFF" + CatalogueImportTest.csv(header, rows.subList(1, rows.size()));
        long revisions = jdbc.queryForObject("select count(*) from program_revision", Long.class);

        MvcResult checked = upload("programs.csv", file.getBytes(StandardCharsets.UTF_8));
        String page = checked.getResponse().getContentAsString();
        assertThat(jp.tsunagari.web.HtmlChecker.errors(page)).isEmpty();
        String ageLetter = CsvImport.letter(header.indexOf("年齢下限"));
        String confirmedLetter = CsvImport.letter(header.indexOf("最終確認日"));
        assertThat(page).contains("取り込まれない変更が 2件あります")
                .contains(row + "行目・" + ageLetter + "列「年齢下限」: 「年齢下限」は出力専用の列のため、この変更は取り込まれません")
                .contains(row + "行目・" + confirmedLetter + "列「最終確認日」: 「最終確認日」は出力専用の列のため")
                .contains("全15件（新規 0件、更新 1件、変更なし 14件、エラー 0件）")
                .doesNotContain("「掲載ページ」は出力専用")
                .contains("name=\"token\"");
        assertThat(jdbc.queryForObject("select count(*) from program_revision", Long.class))
                .as("the dry run changes nothing").isEqualTo(revisions);

        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(token.find()).isTrue();
        mvc.perform(post("/admin/import/apply").param("token", token.group(1))
                        .cookie(checked.getResponse().getCookie("SESSION"))
                        .with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/admin/import?applied"));
        assertThat(editor.editable(7).orElseThrow().content().name()).isEqualTo(name + "（改）");
        assertThat(jdbc.queryForObject("select confirmed_on from program where id = 7", java.sql.Date.class))
                .as("最終確認日 is not imported").isNull();
    }

    @Test
    void anUnchangedExportHasNoWarnings() throws Exception {
        List<List<String>> rows = exported();
        String file = CatalogueImportTest.csv(rows.get(0), rows.subList(1, rows.size()));
        String page = page("programs.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("全15件（新規 0件、更新 0件、変更なし 15件、エラー 0件）")
                .doesNotContain("取り込まれない変更").contains("name=\"token\"");
    }

    @Test
    void eachUnusableFileGetsItsOwnMessageAndNoImportButton() throws Exception {
        assertThat(page("empty.csv", new byte[0])).contains("ファイルが空です（0バイト）")
                .doesNotContain("取り込むファイルを選んでください").doesNotContain("name=\"token\"");
        assertThat(page("header.csv", "施策名,区分\r\n".getBytes(StandardCharsets.UTF_8)))
                .contains("列名の行（1行目）のほかに行がありません").doesNotContain("全0件").doesNotContain("name=\"token\"");
        assertThat(page("tabs.csv", "施策名\t区分\r\n盛岡\tsns\r\n".getBytes(StandardCharsets.UTF_8)))
                .contains("1行目（列名）がタブで区切られています").doesNotContain("引用符")
                .doesNotContain("name=\"token\"");
        assertThat(page("semi.csv", "施策名;区分\r\n".getBytes(StandardCharsets.UTF_8)))
                .contains("1行目（列名）がセミコロン（;）で区切られています");
        assertThat(page("excel.csv", "施策名,区分\r\n盛岡の施策,sns\r\n".getBytes(Charset.forName("windows-31j"))))
                .contains("文字コードが UTF-8 ではありません").contains("「CSV UTF-8（コンマ区切り）」");
        StringBuilder many = new StringBuilder("施策名,区分\n");
        for (int i = 0; i < 100_000; i++) {
            many.append("施策").append(i).append(",sns\n");
        }
        assertThat(page("many.csv", many.toString().getBytes(StandardCharsets.UTF_8)))
                .contains("行が多すぎます（1回に 2,000行まで）").doesNotContain("name=\"token\"");
        assertThat(page("big.csv", new byte[CatalogueImport.MAX_BYTES + 1]))
                .contains("ファイルが大きすぎます（5 MB まで）。2,000行以下のファイルに分けて");
    }

    @Test
    void noFileChosenIsStillItsOwnMessage() throws Exception {
        String page = mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "", "application/octet-stream",
                        new byte[0])).with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("取り込むファイルを選んでください。").doesNotContain("ファイルが空です");
    }

    @Test
    void theReportIsInEnglishToo() throws Exception {
        String page = mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "rows.csv", "text/csv",
                        ImportRowsTest.multiLine("\r\n").getBytes(StandardCharsets.UTF_8)))
                        .cookie(new Cookie("catalogue-lang", "en")).with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(jp.tsunagari.web.HtmlChecker.errors(page)).isEmpty();
        assertThat(page).contains("Row 4, column F &quot;URL&quot;: ").contains(" (line 8 of the file)");
    }

    @Test
    void theFileLineIsADetailWhenItDiffersFromTheRow() throws Exception {
        String page = page("rows.csv", ("\uFEFF" + ImportRowsTest.multiLine("\r\n")).getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("4行目・F列「URL」: http:// または https:// で始まる正しいURLを入力してください。（ファイルの8行目）")
                .contains("5行目・A列「施策名」: 入力してください。（ファイルの9行目）")
                .contains("F列「URL」: http://");
    }
}
