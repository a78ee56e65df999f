package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.opendata.Csv;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * The import's dry run in a real browser, on its own database: the public CSV, saved with an edit in an output-only
 * column (年齢下限) and a new row whose URL is wrong after a two-line 概要, is checked: the report names the spreadsheet
 * row, the column letter and header, the file's line as a detail, and the warning; with the bad row taken out, the
 * warning stays next to the import button. Both pages with axe; screenshots for the admin guide.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:import-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "CATALOGUE_ADMIN_PASSWORD=import-admin-password"})
class ImportBrowserTest extends BrowserTest {

    @TempDir
    Path dir;

    List<List<String>> exported() throws Exception {
        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/programs.csv"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : Csv.FORMAT.parse(new StringReader(csv))) {
            rows.add(new ArrayList<>(r.toList()));
        }
        return rows;
    }

    Path save(String name, List<List<String>> rows) throws Exception {
        Path file = dir.resolve(name);
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, Csv.FORMAT)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::safe).toList());
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    void check(Path file) {
        open("/admin/import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickAndWait(By.xpath("//main//button[normalize-space()='内容を確認する（まだ取り込みません）']"));
    }

    @Test
    void theDryRunSpeaksInRowsAndColumns() throws Exception {
        open("/admin");
        type("username", "admin");
        type("password", "import-admin-password");
        clickAndWait(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");

        List<List<String>> rows = exported();
        List<String> header = rows.get(0);
        List<String> morioka = rows.stream().filter(r -> r.get(header.indexOf("ID")).equals("7")).findFirst()
                .orElseThrow();
        morioka.set(header.indexOf("年齢下限"), "18");
        List<String> added = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
        added.set(header.indexOf("施策名"), "新しい施策");
        added.set(header.indexOf("施策名よみ"), "あたらしいしさく");
        added.set(header.indexOf("区分"), "SNS");
        added.set(header.indexOf("主な手段"), "SNS");
        added.set(header.indexOf("概要"), "一行目\n二行目");
        added.set(header.indexOf("URL"), "www.example.jp");
        rows.add(added);
        check(save("programs.csv", rows));

        String main = browser.findElement(By.id("main")).getText();
        int row = rows.size();
        assertThat(main).contains(row + "行目・" + letter(header.indexOf("URL")) + "列「URL」: http:// または https://")
                .contains("取り込まれない変更が 1件あります")
                .contains("「年齢下限」は出力専用の列のため、この変更は取り込まれません");
        assertThat(browser.findElements(By.name("token"))).isEmpty();
        accessible("import report with a problem and a warning");
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        screenshot("admin-import-report");

        rows.remove(rows.size() - 1);
        check(save("programs-fixed.csv", rows));
        assertThat(browser.findElement(By.id("main")).getText()).contains("取り込まれない変更が 1件あります")
                .contains("変更なし 15件").contains("上の「取り込まれない変更」（1件）は反映されません");
        assertThat(browser.findElements(By.name("token"))).hasSize(1);
        accessible("import report with a warning and the import button");
        browser.executeScript("document.activeElement.blur(); document.getElementById('plan-title').scrollIntoView();");
        screenshot("admin-import-warning");
    }

    static String letter(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "A" + (char) ('A' + index - 26);
    }
}
