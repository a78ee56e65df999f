package jp.tsunagari.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tsunagari.admin.ApplicationPeriodJourneyTestSupport;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rule change at a date (on the journey's database and clock): Jimoto TOCHIGI's age limit of 35 is given an end on
 * 2026-03-31 and a new limit of 39 from 2026-04-01. A 37-year-old from 栃木県 is 非該当 when applying on 2026-03-31
 * and not when applying on 2026-04-01, in the page, the API and the index's counts, and the reasons say which rules
 * applied.
 */
@SpringBootTest(properties = ApplicationPeriodJourneyTestSupport.DATABASE)
@AutoConfigureMockMvc
@Import(ApplicationPeriodJourneyTestSupport.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatedRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    @BeforeAll
    void changeTheRulesOnFirstApril() {
        var editable = editor.editable(1).orElseThrow();
        ProgramContent c = editable.content();
        ProgramContent.Group old = c.targetGroups().get(0);
        List<ProgramContent.Rule> raised = old.criteria().stream().map(r -> r.maxAge() == null ? r
                : new ProgramContent.Rule(r.type(), r.strength(), r.subject(), "39歳以下", r.minAge(), 39, r.areas(),
                r.areaLabel(), r.outside(), r.domesticOnly(), r.schools(), r.applicants(), r.minGroupSize(),
                r.youngMaxAge(), r.youngShareNum(), r.youngShareDen(), r.audienceHint(), r.note())).toList();
        List<ProgramContent.Group> groups = new ArrayList<>();
        groups.add(new ProgramContent.Group(old.label(), old.criteria(), null, LocalDate.of(2026, 3, 31)));
        groups.add(new ProgramContent.Group("2026年4月からの対象（39歳以下）", raised, LocalDate.of(2026, 4, 1), null));
        editor.save(1, editable.version(), new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(),
                c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(),
                c.eventMonth(), c.channel(), c.lifecycle(), c.summary(), c.benefit(), c.officialUrl(),
                c.eligibilityText(), c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(),
                c.sections(), c.metrics(), c.examples(), c.dataNotes(), groups, c.application(), c.schedule()),
                true, "dated-rules-test");
    }

    String verdictOfJimotoTochigi(String date) throws Exception {
        String answer = mvc.perform(post("/api/v1/eligibility").contentType("application/json").content(
                        "{\"age\":\"37\",\"hometown\":\"09\",\"residence\":\"13\",\"date\":\"" + date
                                + "\",\"verdict\":\"all\",\"size\":\"100\"}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> one = JsonPath.read(answer, "$.programs[?(@.id == 1)]");
        assertThat(one).as("Jimoto TOCHIGI in the answer for " + date).hasSize(1);
        return (String) one.get(0).get("verdict");
    }

    @Test
    void theApplicationDatePicksTheRulesInForce() throws Exception {
        assertThat(verdictOfJimotoTochigi("2026-03-31")).isEqualTo("NOT_ELIGIBLE");
        assertThat(verdictOfJimotoTochigi("2026-04-01")).isNotEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void theReasonsSayWhichRulesApplied() throws Exception {
        String before = mvc.perform(get("/eligibility").param("age", "37").param("hometown", "栃木県")
                        .param("residence", "東京都").param("date", "2026-03-31").param("verdict", "not-eligible"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).contains("2026年3月31日に申し込む場合の判定です。")
                .contains("この対象の規定は申込日（2026年3月31日）には適用されません（適用期間: 2026年4月1日から）。")
                .contains("申込日（2026年3月31日）に適用される規定です（適用期間: 2026年3月31日まで）。");
        String after = mvc.perform(get("/eligibility").param("age", "37").param("hometown", "栃木県")
                        .param("residence", "東京都").param("date", "2026-04-01"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("Jimoto TOCHIGI")
                .contains("申込日（2026年4月1日）に適用される規定です（適用期間: 2026年4月1日から）。");
        String english = mvc.perform(get("/eligibility").param("age", "37").param("hometown", "栃木県")
                        .param("residence", "東京都").param("date", "2026-03-31").param("verdict", "not-eligible")
                        .header("Accept-Language", "en").param("lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).as("an open end has its own words, never \"to )\"")
                .contains("These rules do not apply on the application date (31 March 2026) (they apply from 1 April 2026).")
                .contains("The rules that apply on the application date (31 March 2026) (they apply until 31 March 2026).")
                .doesNotContain(" to )").doesNotContain("( to ");
    }

    String page(String path, String language) throws Exception {
        var request = get(path).header("Accept-Language", language);
        return mvc.perform("en".equals(language) ? request.param("lang", "en") : request).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The program page says beside each group when its rules apply and whether they do today — before the new rules
     * start, and after (a page cached before the day changed is not served the day after).
     */
    @Test
    void theProgramPageSaysWhenEachGroupApplies() throws Exception {
        var clock = ApplicationPeriodJourneyTestSupport.CLOCK;
        Instant now = clock.instant();
        try {
            clock.set(Instant.parse("2026-03-01T01:00:00Z"));
            assertThat(page("/programs/1", "ja"))
                    .contains("適用期間: 2026年3月31日まで（2026年3月1日現在、適用中）")
                    .contains("適用期間: 2026年4月1日から（2026年3月1日現在、まだ適用されていません）");
            assertThat(page("/programs/1", "en"))
                    .contains("These rules apply until 31 March 2026 (in force on 1 March 2026).")
                    .contains("These rules apply from 1 April 2026 (not yet in force on 1 March 2026).");
            clock.set(Instant.parse("2026-04-02T01:00:00Z"));
            assertThat(page("/programs/1", "ja"))
                    .contains("適用期間: 2026年3月31日まで（2026年4月2日現在、適用は終わっています）")
                    .contains("適用期間: 2026年4月1日から（2026年4月2日現在、適用中）");
            assertThat(page("/programs/1", "en"))
                    .contains("These rules applied until 31 March 2026 (no longer in force on 2 April 2026).");
            assertThat(page("/programs/2", "ja")).as("a program whose rules always apply says nothing of it")
                    .doesNotContain("data-validity").doesNotContain("適用期間:");
        } finally {
            clock.set(now);
        }
    }

    @Test
    void anUnreadableDateIsAFieldErrorWithTheAnswersKept() throws Exception {
        var response = mvc.perform(get("/eligibility").param("age", "37").param("date", "2026-02-30"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"#date\"")
                .contains("申込日を 2026-04-01 の形で、2000年1月1日から2100年12月31日までの日付で入力してください。")
                .contains("value=\"2026-02-30\"").contains("value=\"37\"");
    }

    /** The API carries each group's 適用期間; an open end is left out (absent values are never null). */
    @Test
    void theApiSaysWhenEachGroupApplies() throws Exception {
        String json = mvc.perform(get("/api/v1/programs/1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> groups = JsonPath.read(json, "$.eligibility");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).doesNotContainKey("validFrom").containsEntry("validTo", "2026-03-31");
        assertThat(groups.get(1)).containsEntry("validFrom", "2026-04-01").doesNotContainKey("validTo");
    }

    /** A date in the right form but outside the range is told the range, in the message and in the hint. */
    @Test
    void aDateOutsideTheRangeIsToldTheRange() throws Exception {
        for (String date : new String[] {"1900-01-01", "9999-12-31", "1999-12-31", "2101-01-01"}) {
            var response = mvc.perform(get("/eligibility").param("age", "37").param("date", date)).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(date).isEqualTo(400);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(date)
                    .contains("2000年1月1日から2100年12月31日までの日付で入力してください。")
                    .contains("2000年1月1日～2100年12月31日").contains("value=\"" + date + "\"");
            String english = page("/eligibility?age=37&date=" + date, "en");
            assertThat(english).as(date).contains("from 1 January 2000 to 31 December 2100.");
        }
        for (String date : new String[] {"2000-01-01", "2100-12-31"}) {
            assertThat(mvc.perform(get("/eligibility").param("age", "37").param("date", date)).andReturn()
                    .getResponse().getStatus()).as(date).isEqualTo(200);
        }
    }
}
