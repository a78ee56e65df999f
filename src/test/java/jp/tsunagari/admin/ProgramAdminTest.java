package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.web.HtmlChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** Staff editing through the real pages (MockMvc, whole application, each test rolled back). */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ProgramAdminTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    /** A complete, valid new program with two target groups. */
    static Map<String, String> newProgram() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", "テスト村ふるさと便");
        p.put("nameKana", "てすとむらふるさとびん");
        p.put("category", "gifts");
        p.put("municipality", "032018 盛岡市（岩手県）");
        p.put("startYear", "2026");
        p.put("startMonth", "4");
        p.put("channel", "DELIVERY");
        p.put("lifecycle", "ONGOING");
        p.put("summary", "県外の学生に特産品を送る");
        p.put("officialUrl", "https://example.jp/furusato");
        p.put("sections[0].heading", "【概要】");
        p.put("sections[0].items", "特産品を送付\n✓ 年1回\n※ 予算の範囲内");
        p.put("metrics[0].labelJa", "申込数");
        p.put("metrics[0].value", "1,234");
        p.put("metrics[0].unit", "件");
        p.put("metrics[0].asOf", "2026-03-31");
        p.put("eligibilityText", "県外の学生\r\n保護者");
        p.put("groups[0].label", "県外に住む18〜22歳の学生");
        p.put("groups[0].criteria[0].type", "AGE");
        p.put("groups[0].criteria[0].strength", "HARD");
        p.put("groups[0].criteria[0].subject", "SELF");
        p.put("groups[0].criteria[0].sourceText", "18歳以上22歳以下");
        p.put("groups[0].criteria[0].minAge", "18");
        p.put("groups[0].criteria[0].maxAge", "22");
        p.put("groups[0].criteria[1].type", "RESIDENCE");
        p.put("groups[0].criteria[1].strength", "HARD");
        p.put("groups[0].criteria[1].subject", "SELF");
        p.put("groups[0].criteria[1].sourceText", "県外");
        p.put("groups[0].criteria[1].areas", "岩手県");
        p.put("groups[0].criteria[1].outside", "true");
        p.put("groups[1].label", "市内に住む保護者");
        p.put("groups[1].criteria[0].type", "APPLICANT");
        p.put("groups[1].criteria[0].strength", "HARD");
        p.put("groups[1].criteria[0].subject", "SELF");
        p.put("groups[1].criteria[0].sourceText", "保護者");
        p.put("groups[1].criteria[0].applicants", "guardian");
        return p;
    }

    MockHttpServletRequestBuilder form(String url, Map<String, String> params, String action) {
        MockHttpServletRequestBuilder request = post(url).with(user("editor1").roles("EDITOR")).with(csrf())
                .param("action", action);
        params.forEach(request::param);
        return request;
    }

    String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void aNewProgramWithTwoGroupsGoesFromABlankFormToPublished() throws Exception {
        String blank = body(mvc.perform(get("/admin/programs/new").with(user("editor1").roles("EDITOR")))
                .andExpect(status().isOk()).andReturn());
        assertThat(HtmlChecker.errors(blank)).isEmpty();
        MvcResult created = mvc.perform(form("/admin/programs", newProgram(), "publish"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/programs/\\d+/edit");
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        String page = body(mvc.perform(get("/programs/" + id)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("テスト村ふるさと便").contains("岩手県").contains("盛岡市")
                .contains("18歳以上22歳以下").contains("岩手県の外に住んでいる").contains("1,234件")
                .contains("グループ2: 市内に住む保護者").contains("https://example.jp/furusato");
        var content = editor.editable(id).orElseThrow().content();
        assertThat(content.organizerPrefectureCode()).isEqualTo("03");
        assertThat(content.eligibilityText()).as("a browser's CR LF is stored as LF").isEqualTo("県外の学生\n保護者");
        assertThat(content.sections().get(0).items()).hasSize(3);
    }

    @Test
    void applicationInformationIsCheckedKeptAndShown() throws Exception {
        Map<String, String> p = newProgram();
        p.put("application.method", "申込書を郵送");
        p.put("application.contactPhone", "電話して");
        p.put("application.contactEmail", "no-at-sign");
        p.put("application.applyUrl", "javascript:alert(1)");
        p.put("application.cost", "AMOUNT");
        p.put("application.documents", "申込書\r\n在学証明書");
        String refused = body(mvc.perform(form("/admin/programs", p, "publish")).andExpect(status().isBadRequest())
                .andReturn());
        assertThat(refused).contains("href=\"#application-contactPhone\"").contains("href=\"#application-contactEmail\"")
                .contains("href=\"#application-applyUrl\"").contains("href=\"#application-costAmount\"")
                .contains("value=\"電話して\"").contains("value=\"no-at-sign\"").contains("申込書を郵送");
        assertThat(HtmlChecker.errors(refused)).isEmpty();
        p.put("application.contactPhone", "019-651-4111");
        p.put("application.contactEmail", "yell@city.example.lg.jp");
        p.put("application.applyUrl", "https://example.jp/apply");
        p.put("application.costAmount", "1500");
        String location = mvc.perform(form("/admin/programs", p, "publish")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        var a = editor.editable(id).orElseThrow().content().application();
        assertThat(a.documents()).containsExactly("申込書", "在学証明書");
        assertThat(a.costAmount()).isEqualTo(1500);
        assertThat(body(mvc.perform(get("/programs/" + id)).andReturn())).contains("申込書を郵送")
                .contains("href=\"tel:019-651-4111\"").contains("href=\"mailto:yell@city.example.lg.jp\"")
                .contains("1,500円").contains("在学証明書");
        assertThat(body(mvc.perform(get("/programs/7")).andReturn())).contains("申込み・問い合わせ").contains("未登録");
        assertThat(body(mvc.perform(get("/api/v1/programs/" + id)).andReturn()))
                .contains("\"applyUrl\":\"https://example.jp/apply\"").contains("\"cost\":\"amount\"")
                .contains("\"phone\":\"019-651-4111\"");
        assertThat(body(mvc.perform(get("/api/v1/programs/7")).andReturn())).as("未登録: the fields are left out")
                .contains("\"application\":{\"contact\":{},\"documents\":[]}").doesNotContain("null");
    }

    @Test
    void periodsAndDatedRulesThatCannotOccurAreRefusedWithEverythingKept() throws Exception {
        Map<String, String> p = newProgram();
        p.put("endYear", "2026");
        p.put("endMonth", "2");
        p.put("periods[0].start", "2026-04-01");
        p.put("periods[0].end", "2027-04-01");
        p.put("periods[0].yearly", "true");
        p.put("periods[1].start", "2028-02-29");
        p.put("periods[1].end", "2028-03-31");
        p.put("periods[1].yearly", "true");
        p.put("groups[0].validFrom", "2026-04-01");
        p.put("groups[0].validTo", "2026-03-31");
        String refused = body(mvc.perform(form("/admin/programs", p, "publish")).andExpect(status().isBadRequest())
                .andReturn());
        assertThat(refused).contains("href=\"#endYear\"").contains("終了は開始（年・月）より後にしてください。")
                .contains("href=\"#periods-0-end\"").contains("毎年くり返す受付期間は1年未満にしてください。")
                .contains("href=\"#periods-1-start\"").contains("2月29日は多くの年にないため")
                .contains("href=\"#groups-0-validTo\"").contains("適用終了日は適用開始日と同じか、それより後にしてください。")
                .contains("value=\"2027-04-01\"").contains("value=\"2028-02-29\"");
        assertThat(HtmlChecker.errors(refused)).isEmpty();

        p.put("endMonth", "12");
        p.put("periods[0].end", "2026-05-31");
        p.put("periods[1].start", "2027-02-01");
        p.put("periods[1].end", "2027-02-28");
        String afterEnd = body(mvc.perform(form("/admin/programs", p, "publish")).andExpect(status().isBadRequest())
                .andReturn());
        assertThat(afterEnd).contains("受付期間2は施策の終了より後に始まるため、一度も受け付けません。");

        p.put("endYear", "2027");
        p.put("groups[0].validTo", "2027-03-31");
        String location = mvc.perform(form("/admin/programs", p, "publish")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        var content = editor.editable(Long.parseLong(location.replaceAll("\\D", ""))).orElseThrow().content();
        assertThat(content.schedule().endYear()).isEqualTo(2027);
        assertThat(content.schedule().periods()).hasSize(2);
        assertThat(content.targetGroups().get(0).validTo()).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
    }

    @Test
    void invalidInputComesBackWithAnErrorSummaryAndNothingLost() throws Exception {
        Map<String, String> p = newProgram();
        p.put("name", "");
        p.put("officialUrl", "javascript:alert(1)");
        p.put("groups[0].criteria[0].minAge", "30");
        p.put("metrics[0].value", "-5");
        p.put("startMonth", "13");
        String page = body(mvc.perform(form("/admin/programs", p, "publish")).andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("<title>エラー: ").contains("role=\"alert\"")
                .contains("href=\"#name\"").contains("href=\"#officialUrl\"")
                .contains("href=\"#groups-0-criteria-0-minAge\"").contains("href=\"#metrics-0-value\"")
                .contains("href=\"#startMonth\"")
                .contains("年齢の下限は上限以下にしてください。")
                .containsPattern("id=\"name\"[^>]*aria-describedby=\"name-error\"[^>]*aria-invalid=\"true\"")
                .contains("value=\"javascript:alert(1)\"").contains("value=\"てすとむらふるさとびん\"")
                .contains("value=\"30\"").contains("value=\"-5\"")
                .contains("特産品を送付\n✓ 年1回\n※ 予算の範囲内");
        assertThat(HtmlChecker.errors(page)).isEmpty();
    }

    @Test
    void aTypedInvalidValueComesBackAsTypedWithTheSummaryLinkAndAriaAttributes() throws Exception {
        Map<String, String> p = newProgram();
        p.put("groups[0].criteria[0].maxAge", "二十二");
        p.put("metrics[0].asOf", "2026-02-30");
        p.put("startMonth", "");
        String page = body(mvc.perform(form("/admin/programs", p, "draft")).andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("<title>エラー: ")
                .containsPattern("(?s)href=\"#startMonth\".*href=\"#metrics-0-asOf\".*href=\"#groups-0-criteria-0-maxAge\"")
                .containsPattern("id=\"groups-0-criteria-0-maxAge\" name=\"groups\\[0]\\.criteria\\[0]\\.maxAge\" value=\"二十二\""
                        + "[^>]*aria-describedby=\"groups-0-criteria-0-maxAge-error\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"groups-0-criteria-0-maxAge-error\"").contains("0から150までの整数で入力してください。")
                .contains("value=\"2026-02-30\"").contains("日付を 2025-03-04 の形で入力してください。")
                .contains("年と月は両方入力するか、両方空にしてください。");
        assertThat(HtmlChecker.errors(page)).isEmpty();
        String english = body(mvc.perform(form("/admin/programs", p, "draft")
                .cookie(new jakarta.servlet.http.Cookie("catalogue-lang", "en"))).andExpect(status().isBadRequest()).andReturn());
        assertThat(english).contains("href=\"#groups-0-criteria-0-maxAge\"").contains("Enter a whole number from 0 to 150.")
                .contains("Enter the date as 2025-03-04.").contains("value=\"二十二\"");
    }

    @Test
    void addAndRemoveButtonsKeepEverythingTyped() throws Exception {
        Map<String, String> p = newProgram();
        String added = body(mvc.perform(form("/admin/programs", p, "add-criterion-1")).andExpect(status().isOk()).andReturn());
        assertThat(added).contains("id=\"groups-1-criteria-1-type\"").contains("value=\"テスト村ふるさと便\"")
                .doesNotContain("role=\"alert\"");
        String removed = body(mvc.perform(form("/admin/programs", p, "remove-group-0")).andExpect(status().isOk()).andReturn());
        assertThat(removed).doesNotContain("id=\"groups-1-label\"").contains("value=\"市内に住む保護者\"");
    }

    @Test
    void aStaleSaveShowsTheConflictPageWithBothVersions() throws Exception {
        ProgramEditor.Editable before = editor.editable(7).orElseThrow();
        Map<String, String> mine = new LinkedHashMap<>();
        mvc.perform(get("/admin/programs/7/edit").with(user("bob").roles("EDITOR"))).andExpect(status().isOk());
        editor.save(7, before.version(), before.content().renamed("もりおかエール便（アリス版）"), true, "alice");
        mine.putAll(formOf(before));
        mine.put("name", "もりおかエール便（ボブ版）");
        String page = body(mvc.perform(form("/admin/programs/7", mine, "publish")).andExpect(status().isConflict()).andReturn());
        assertThat(page).contains("他の人が先に保存しました").contains("alice")
                .contains("もりおかエール便（アリス版）").contains("value=\"もりおかエール便（ボブ版）\"");
        assertThat(editor.editable(7).orElseThrow().content().name()).isEqualTo("もりおかエール便（アリス版）");
        assertThat(HtmlChecker.errors(page)).isEmpty();
        // Saving again from the conflict page (it carries the new version) is a deliberate overwrite.
        String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        mine.put("version", version);
        mvc.perform(form("/admin/programs/7", mine, "publish")).andExpect(status().is3xxRedirection());
        assertThat(editor.editable(7).orElseThrow().content().name()).isEqualTo("もりおかエール便（ボブ版）");
    }

    @Test
    void draftsStayInvisibleAndRestoreBringsBackAnOldRevision() throws Exception {
        ProgramEditor.Editable seed = editor.editable(3).orElseThrow();
        Map<String, String> changed = formOf(seed);
        changed.put("name", "くまらバ（下書き）");
        mvc.perform(form("/admin/programs/3", changed, "draft")).andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(get("/programs/3")).andReturn())).contains("くまらバ").doesNotContain("くまらバ（下書き）");
        assertThat(body(mvc.perform(get("/admin/programs/3/preview").with(user("e").roles("EDITOR"))).andReturn()))
                .contains("くまらバ（下書き）").contains("プレビューです");
        long version = editor.editable(3).orElseThrow().version();
        mvc.perform(post("/admin/programs/3/publish").with(user("e").roles("EDITOR")).with(csrf())
                .param("version", Long.toString(version))).andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(get("/programs/3")).andReturn())).contains("くまらバ（下書き）");
        String history = body(mvc.perform(get("/admin/programs/3/history").with(user("e").roles("EDITOR"))).andReturn());
        assertThat(history).contains("初期データ").contains("公開");
        String diff = body(mvc.perform(get("/admin/programs/3/history/diff?from=1&to=2").with(user("e").roles("EDITOR")))
                .andExpect(status().isOk()).andReturn());
        assertThat(diff).contains("施策名").contains("くまらバ（下書き）");
        assertThat(HtmlChecker.errors(diff)).isEmpty();
        long now = editor.editable(3).orElseThrow().version();
        mvc.perform(post("/admin/programs/3/history/1/restore").with(user("e").roles("EDITOR")).with(csrf())
                .param("version", Long.toString(now))).andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(get("/programs/3")).andReturn())).doesNotContain("くまらバ（下書き）");
    }

    @Test
    void theEditPageShowsHowSamplePeopleAreJudged() throws Exception {
        String page = body(mvc.perform(get("/admin/programs/7/edit").with(user("e").roles("EDITOR"))).andReturn());
        assertThat(page).contains("サンプルの人物での判定").contains("（今日）に申し込む場合の判定です。")
                .containsPattern("22歳・盛岡市出身・東京都在住の大学4年生（実家は盛岡市）</span>: <strong>該当</strong>")
                .containsPattern("30歳・栃木県出身・東京都在住の社会人</span>: <strong>非該当</strong>");
        String nanbu = body(mvc.perform(get("/admin/programs/5/edit").with(user("e").roles("EDITOR"))).andReturn());
        assertThat(nanbu).containsPattern("南部町に住む保護者（子は東京都に住む高専4年生）</span>: <strong>該当</strong>");
    }

    @Test
    void deletingAsksForConfirmationAndKeepsHistory() throws Exception {
        String confirm = body(mvc.perform(get("/admin/programs/15/delete").with(user("e").roles("EDITOR")))
                .andExpect(status().isOk()).andReturn());
        assertThat(confirm).contains("削除しますか");
        long version = editor.editable(15).orElseThrow().version();
        mvc.perform(post("/admin/programs/15/delete").with(user("e").roles("EDITOR")).with(csrf())
                .param("version", Long.toString(version))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/programs/15")).andExpect(status().isNotFound());
        assertThat(body(mvc.perform(get("/admin/programs/15/history").with(user("e").roles("EDITOR")))
                .andExpect(status().isOk()).andReturn())).contains("削除");
    }

    /** The edit form's fields for an existing program, as the browser would send them back. */
    Map<String, String> formOf(ProgramEditor.Editable e) throws Exception {
        return formOf(mvc, e);
    }

    /** The same, read with any MockMvc (an office editor's view of the edit page). */
    static Map<String, String> formOf(MockMvc mvc, ProgramEditor.Editable e) throws Exception {
        String page = mvc.perform(get("/admin/programs/" + e.id() + "/edit").with(user("x").roles("EDITOR"))).andReturn()
                .getResponse().getContentAsString();
        Map<String, String> fields = new LinkedHashMap<>();
        var inputs = java.util.regex.Pattern.compile("<input class=\"tsn-input\" type=\"[a-z]+\" id=\"[^\"]*\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(page);
        while (inputs.find()) {
            fields.put(inputs.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(inputs.group(2)));
        }
        var areas = java.util.regex.Pattern.compile("<textarea class=\"tsn-textarea\" id=\"[^\"]*\" name=\"([^\"]+)\" rows=\"\\d+\"[^>]*>([^<]*)</textarea>")
                .matcher(page);
        while (areas.find()) {
            fields.put(areas.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(areas.group(2)));
        }
        var selects = java.util.regex.Pattern.compile("<select class=\"tsn-select\" id=\"[^\"]*\" name=\"([^\"]+)\"[^>]*>(.*?)</select>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        while (selects.find()) {
            var chosen = java.util.regex.Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(selects.group(2));
            fields.put(selects.group(1), chosen.find() ? chosen.group(1) : "");
        }
        var boxes = java.util.regex.Pattern.compile("<input type=\"checkbox\" id=\"[^\"]*\" name=\"([^\"]+)\" value=\"([^\"]*)\" checked=\"checked\">")
                .matcher(page);
        while (boxes.find()) {
            fields.put(boxes.group(1), boxes.group(2));
        }
        fields.put("version", Long.toString(e.version()));
        return fields;
    }
}
