package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Staff changes through the editor service, on the real migrations (each test rolls back). */
@SpringBootTest
@Transactional
class ProgramEditorTest {

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramPageLoader details;

    @Autowired
    ProgramFinder finder;

    static ProgramContent newProgram(String name) {
        return new ProgramContent(name, "てすとしさく", null, "gifts", "03", "032018", 2026, 4, null, null,
                Channel.DELIVERY, Lifecycle.ONGOING, "概要の文", "特産品", "https://www.city.morioka.iwate.jp/",
                "学生\n保護者", null, null, null, null,
                List.of(new ProgramContent.Section("【概要】", List.of(new ProgramContent.Item(0, ItemKind.BULLET, "項目")))),
                List.of(new ProgramContent.Metric("LINE友だち数", "LINE friends", 100, "名", LocalDate.of(2026, 4, 1))),
                List.of(), List.of(),
                List.of(new ProgramContent.Group("学生", List.of(
                                new ProgramContent.Rule(CriterionType.AGE, Strength.HARD, Subject.SELF, "18歳以上22歳以下", 18, 22,
                                        null, null, false, false, null, null, null, null, null, null, null, null))),
                        new ProgramContent.Group("保護者", List.of(
                                new ProgramContent.Rule(CriterionType.APPLICANT, Strength.HARD, Subject.SELF, "保護者", null,
                                        null, null, null, false, false, null, Set.of(Applicant.GUARDIAN), null, null, null,
                                        null, null, null)))), null, null);
    }

    @Test
    void aNewProgramIsInvisibleUntilPublished() {
        long id = editor.create(newProgram("テスト施策"), false, "editor1");
        assertThat(details.published(id)).isEmpty();
        assertThat(finder.find(ProgramQuery.all()).total()).isEqualTo(15);
        long version = editor.editable(id).orElseThrow().version();
        editor.publish(id, version, "editor1");
        ProgramPageLoader.Details published = details.published(id).orElseThrow();
        assertThat(published.program().targetGroups()).hasSize(2);
        assertThat(published.program().audiences()).containsExactly(Audience.YOUTH, Audience.GUARDIAN);
        // Lists come from the search index, which follows committed changes (IndexLifecycleTest); this test's
        // transaction is never committed, so the list still shows the 15.
        assertThat(finder.find(ProgramQuery.all()).total()).isEqualTo(15);
        assertThat(editor.history(id)).extracting(ProgramRevision::action)
                .containsExactly(RevisionAction.PUBLISH, RevisionAction.CREATE);
    }

    @Test
    void aDraftOfAPublishedProgramStaysPrivateUntilPublished() {
        ProgramEditor.Editable seed = editor.editable(7).orElseThrow();
        editor.save(7, seed.version(), seed.content().renamed("もりおかエール便（改）"), false, "editor1");
        assertThat(details.published(7).orElseThrow().program().name()).isEqualTo("もりおかエール便");
        ProgramEditor.Editable pending = editor.editable(7).orElseThrow();
        assertThat(pending.hasPendingDraft()).isTrue();
        assertThat(pending.content().name()).isEqualTo("もりおかエール便（改）");
        assertThat(editor.preview(7).orElseThrow().program().name()).isEqualTo("もりおかエール便（改）");
        editor.publish(7, pending.version(), "editor2");
        assertThat(details.published(7).orElseThrow().program().name()).isEqualTo("もりおかエール便（改）");
        assertThat(editor.editable(7).orElseThrow().hasPendingDraft()).isFalse();
    }

    @Test
    void aStaleVersionIsAConflictNotAnOverwrite() {
        ProgramEditor.Editable first = editor.editable(1).orElseThrow();
        editor.save(1, first.version(), first.content().renamed("Jimoto TOCHIGI A"), true, "alice");
        assertThatThrownBy(() -> editor.save(1, first.version(), first.content().renamed("Jimoto TOCHIGI B"), true, "bob"))
                .isInstanceOfSatisfying(ProgramEditor.Conflict.class, c -> {
                    assertThat(c.current().content().name()).isEqualTo("Jimoto TOCHIGI A");
                    assertThat(c.current().updatedBy()).isEqualTo("alice");
                });
        assertThat(details.published(1).orElseThrow().program().name()).isEqualTo("Jimoto TOCHIGI A");
    }

    @Test
    void historyStartsWithTheSeedAndRestoreMakesANewRevision() {
        ProgramEditor.Editable seed = editor.editable(3).orElseThrow();
        editor.save(3, seed.version(), seed.content().renamed("くまらバ2"), true, "alice");
        long v = editor.editable(3).orElseThrow().version();
        editor.restore(3, 1, v, "bob");
        List<ProgramRevision> history = editor.history(3);
        assertThat(history).extracting(ProgramRevision::action)
                .containsExactly(RevisionAction.RESTORE, RevisionAction.UPDATE, RevisionAction.INITIAL);
        assertThat(history.get(2).changedBy()).isEqualTo("seed");
        assertThat(details.published(3).orElseThrow().program().name()).isEqualTo("くまらバ");
        assertThat(editor.revision(3, 2).orElseThrow().name()).isEqualTo("くまらバ2");
        assertThat(editor.revision(3, 3).orElseThrow()).isEqualTo(editor.revision(3, 1).orElseThrow());
    }

    @Test
    void contentRoundTripsThroughTheEntityUnchanged() {
        for (long id = 1; id <= 15; id++) {
            ProgramEditor.Editable e = editor.editable(id).orElseThrow();
            editor.save(id, e.version(), e.content(), true, "roundtrip");
            assertThat(editor.editable(id).orElseThrow().content()).as("program " + id).isEqualTo(e.content());
            assertThat(editor.revision(id, 2).orElseThrow()).isEqualTo(e.content());
        }
        assertThat(details.published(13).orElseThrow().program().examples()).hasSize(3);
    }

    @Test
    void applicationInformationRoundTripsAndSeededProgramsHaveNone() {
        for (long id = 1; id <= 15; id++) {
            assertThat(editor.editable(id).orElseThrow().content().application().isEmpty()).as("program " + id).isTrue();
        }
        ProgramEditor.Editable e = editor.editable(7).orElseThrow();
        ProgramContent.Application application = new ProgramContent.Application("申込書を郵送", "https://example.jp/apply",
                "盛岡市 市民部", "019-000-0000", "yell@example.jp", "https://example.jp/contact",
                List.of("申込書", "在学証明書"), ApplicationCost.FREE, null, null);
        ProgramContent c = e.content();
        ProgramContent with = new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(),
                c.organizerPrefectureCode(), c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(),
                c.eventMonth(), c.channel(), c.lifecycle(), c.summary(), c.benefit(), c.officialUrl(), c.eligibilityText(),
                c.examplesHeading(), c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(),
                c.examples(), c.dataNotes(), c.targetGroups(), application, null);
        editor.save(7, e.version(), with, true, "application");
        assertThat(editor.editable(7).orElseThrow().content().application()).isEqualTo(application);
        assertThat(editor.revision(7, 2).orElseThrow().application()).isEqualTo(application);
    }

    @Test
    void deletingKeepsTheHistory() {
        long version = editor.editable(15).orElseThrow().version();
        editor.delete(15, version, "admin");
        assertThat(details.any(15)).isEmpty();
        assertThat(editor.history(15)).extracting(ProgramRevision::action)
                .containsExactly(RevisionAction.DELETE, RevisionAction.INITIAL);
        assertThat(editor.revision(15, 2).orElseThrow().name()).isEqualTo("I'm Your Home.");
    }
}
