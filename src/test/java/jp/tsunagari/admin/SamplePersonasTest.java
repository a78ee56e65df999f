package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.eligibility.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sample people on the edit page are judged for an application today in Japan (the journey's clock: 2026-12-01),
 * and a group's 適用期間 that starts or ends later shows as the verdict from that day — here Jimoto TOCHIGI's reading
 * (栃木県出身・東京圏在住・35歳以下), which the 30-year-old worker from 栃木県 living in 東京都 meets.
 */
@SpringBootTest(properties = ApplicationPeriodJourneyTestSupport.DATABASE)
@AutoConfigureMockMvc
@Import(ApplicationPeriodJourneyTestSupport.Clocks.class)
class SamplePersonasTest {

    static final String WORKER = "admin.persona.worker";

    @Autowired
    SamplePersonas personas;

    @Autowired
    ProgramEditor editor;

    @Autowired
    MockMvc mvc;

    private Instant saved;

    @BeforeEach
    void onTheFirstOfDecember() {
        saved = ApplicationPeriodJourneyTestSupport.CLOCK.instant();
        ApplicationPeriodJourneyTestSupport.CLOCK.set(Instant.parse("2026-12-01T01:00:00Z"));
    }

    @AfterEach
    void clockAsItWas() {
        ApplicationPeriodJourneyTestSupport.CLOCK.set(saved);
    }

    private ProgramContent withOneGroup(LocalDate from, LocalDate to) {
        ProgramContent c = editor.editable(1).orElseThrow().content();
        ProgramContent.Group g = c.targetGroups().get(0);
        List<ProgramContent.Group> groups = List.of(new ProgramContent.Group(g.label(), g.criteria(), from, to));
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(), c.organizerPrefectureCode(),
                c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(), c.eventMonth(), c.channel(),
                c.lifecycle(), c.summary(), c.benefit(), c.officialUrl(), c.eligibilityText(), c.examplesHeading(),
                c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(), c.examples(),
                c.dataNotes(), groups, c.application(), c.schedule());
    }

    private SamplePersonas.Judged worker(SamplePersonas.Sample sample) {
        return sample.people().stream().filter(p -> p.key().equals(WORKER)).findFirst().orElseThrow();
    }

    @Test
    void aGroupThatStartsLaterShowsTheVerdictFromThatDay() {
        SamplePersonas.Sample sample = personas.judge(withOneGroup(LocalDate.of(2027, 4, 1), null));
        assertThat(sample.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        SamplePersonas.Judged worker = worker(sample);
        assertThat(worker.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
        assertThat(worker.later()).hasSize(1);
        assertThat(worker.later().get(0).from()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(worker.later().get(0).verdict()).isNotEqualTo(Verdict.NOT_ELIGIBLE);
    }

    @Test
    void aGroupThatEndsLaterShowsTheDayAfterItsEnd() {
        SamplePersonas.Judged worker = worker(personas.judge(withOneGroup(null, LocalDate.of(2027, 3, 31))));
        assertThat(worker.verdict()).isNotEqualTo(Verdict.NOT_ELIGIBLE);
        assertThat(worker.later()).containsExactly(
                new SamplePersonas.Change(LocalDate.of(2027, 4, 1), Verdict.NOT_ELIGIBLE));
    }

    /** The edit page says the day and the later verdict, in Japanese and in English. */
    @Test
    void theEditPageSaysTheDayAndTheLaterVerdict() throws Exception {
        ProgramEditor.Editable before = editor.editable(1).orElseThrow();
        assertThat(before.hasPendingDraft()).isFalse();
        editor.save(1, before.version(), withOneGroup(LocalDate.of(2027, 4, 1), null), false, "sample-personas-test");
        try {
            String ja = mvc.perform(get("/admin/programs/1/edit").with(user("e").roles("EDITOR"))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(ja).contains("2026年12月1日（今日）に申し込む場合の判定です。")
                    .containsPattern("30歳・栃木県出身・東京都在住の社会人</span>: <strong>非該当</strong><span"
                            + " data-personas-later>（2027年4月1日から: (該当|要確認)）</span>");
            String en = mvc.perform(get("/admin/programs/1/edit").param("lang", "en").header("Accept-Language", "en")
                    .with(user("e").roles("EDITOR"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(en).contains("Judged for an application today, 1 December 2026.")
                    .containsPattern(" \\(from 1 April 2027: [A-Za-z ]+\\)</span>");
        } finally {
            editor.discardDraft(1);
        }
    }

    @Test
    void rulesWithoutDatesOrWithPastDatesAddNothing() {
        assertThat(worker(personas.judge(withOneGroup(null, null))).later()).isEmpty();
        SamplePersonas.Sample past = personas.judge(withOneGroup(LocalDate.of(2026, 4, 1), null));
        assertThat(past.people()).allSatisfy(p -> assertThat(p.later()).isEmpty());
        assertThat(worker(past).verdict()).isNotEqualTo(Verdict.NOT_ELIGIBLE);
    }
}
