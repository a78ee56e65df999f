package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.catalogue.ProgramEditor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export download and the import pages: upload, dry run, apply with the checked file (each test rolled back). */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class TransferControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ProgramEditor editor;

    byte[] export() throws Exception {
        MvcResult r = mvc.perform(get("/admin/export").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=\"tsunagari-catalogue-")))
                .andReturn();
        return r.getResponse().getContentAsByteArray();
    }

    @Test
    void theExportHoldsEveryProgramWithItsIdStatusAndContent() throws Exception {
        JsonNode root = json.readTree(export());
        assertThat(root.path("format").asString()).isEqualTo("tsunagari-catalogue");
        assertThat(root.path("programs")).hasSize(15);
        JsonNode first = root.path("programs").get(0);
        assertThat(first.path("id").asLong()).isEqualTo(1);
        assertThat(first.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(first.path("content").path("metrics").get(0).path("asOf").asString()).isEqualTo("2025-03-04");
        assertThat(root.path("categories")).hasSize(5);
        mvc.perform(get("/admin/export")).andExpect(status().is3xxRedirection());
    }

    @Test
    void uploadShowsTheDryRunAndApplyUsesTheCheckedFile() throws Exception {
        byte[] file = new String(export(), StandardCharsets.UTF_8)
                .replace("\"name\" : \"くまらバ\"", "\"name\" : \"くまらバ（取込で改名）\"").getBytes(StandardCharsets.UTF_8);
        // The checked file waits in the session (stored in the database, found again through the SESSION cookie).
        MvcResult checked = mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "catalogue.json",
                        "application/json", file)).param("keepStatus", "true")
                        .with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        Cookie session = checked.getResponse().getCookie("SESSION");
        String page = checked.getResponse().getContentAsString();
        assertThat(page).contains("全15件（新規 0件、更新 1件、変更なし 14件、エラー 0件）").contains("くまらバ（取込で改名）");
        assertThat(jp.tsunagari.web.HtmlChecker.errors(page)).isEmpty();
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(token.find()).isTrue();

        mvc.perform(post("/admin/import/apply").param("token", "0".repeat(64)).cookie(session)
                        .with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("確認した内容が見つかりません"));
        mvc.perform(post("/admin/import/apply").param("token", token.group(1)).cookie(session)
                        .with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/admin/import?applied"));
        assertThat(editor.editable(3).orElseThrow().content().name()).isEqualTo("くまらバ（取込で改名）");
        assertThat(editor.history(3).get(0).changedBy()).isEqualTo("ed");
    }

    @Test
    void problemsAreListedWithLineAndColumnAndNothingCanBeApplied() throws Exception {
        String csv = "施策名,区分,開始年月\r\n良い施策,sns,2025-04\r\n悪い施策,sns,2025年4月\r\n";
        String page = mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "rows.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("3行目・C列「開始年月」: 年月を 2025-04 の形で入力してください。")
                .doesNotContain("name=\"token\"");
        assertThat(jp.tsunagari.web.HtmlChecker.errors(page)).isEmpty();
    }

    @Test
    void aMissingFileIsAnErrorOnTheForm() throws Exception {
        String page = mvc.perform(multipart("/admin/import").with(user("ed").roles("EDITOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("取り込むファイルを選んでください。").contains("aria-invalid=\"true\"");
        mvc.perform(multipart("/admin/import").with(user("ed").roles("EDITOR"))).andExpect(status().isForbidden());
    }
}
