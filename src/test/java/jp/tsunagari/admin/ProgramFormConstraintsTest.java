package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.admin.ProgramForm.GroupForm;
import jp.tsunagari.admin.ProgramForm.MetricForm;
import jp.tsunagari.admin.ProgramForm.RuleForm;
import jp.tsunagari.admin.ProgramForm.SectionForm;
import jp.tsunagari.system.FormErrors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

/**
 * The program form's own constraints, through the application's validator (the one the pages and the import use):
 * the rules the form had before it moved to Bean Validation, field ids in page order, messages in ja and en.
 */
@SpringBootTest
class ProgramFormConstraintsTest {

    @Autowired
    Validator validator;

    @Autowired
    MessageSource messages;

    static ProgramForm valid() {
        ProgramForm f = new ProgramForm();
        f.name = "テスト便";
        f.nameKana = "てすと びん";
        f.category = "gifts";
        f.channel = "delivery";
        f.municipality = "032018 盛岡市（岩手県）";
        SectionForm s = new SectionForm();
        s.items = "項目";
        f.sections.add(s);
        MetricForm m = new MetricForm();
        m.labelJa = "登録者数";
        m.value = "5,390";
        m.asOf = "2025-04-01";
        f.metrics.add(m);
        GroupForm g = new GroupForm();
        g.label = "学生";
        g.criteria.add(rule("AGE"));
        g.criteria.get(0).minAge = "18";
        f.groups.add(g);
        return f;
    }

    static RuleForm rule(String type) {
        RuleForm r = new RuleForm();
        r.type = type;
        r.sourceText = "原文";
        return r;
    }

    List<String> problems(ProgramForm f) {
        return FormErrors.of(ProgramForm.class, validator.validate(f)).list().stream()
                .map(e -> e.field() + " " + e.key() + List.of(e.args())).toList();
    }

    @Test
    void aCompleteFormIsValid() {
        assertThat(problems(valid())).isEmpty();
    }

    @Test
    void ageOrderAndShareOrderAreCheckedOnTheLowerField() {
        ProgramForm f = valid();
        f.groups.get(0).criteria.get(0).maxAge = "17";
        RuleForm share = rule("GROUP_YOUNG_SHARE");
        share.youngMaxAge = "49";
        share.youngShareNum = "3";
        share.youngShareDen = "2";
        f.groups.get(0).criteria.add(share);
        assertThat(problems(f)).containsExactly("groups-0-criteria-0-minAge admin.error.ageOrder[]",
                "groups-0-criteria-1-youngShareNum admin.error.share[]");
        f.groups.get(0).criteria.get(0).maxAge = "18";
        share.youngShareDen = "3";
        assertThat(problems(f)).isEmpty();
    }

    /** A 受付期間 or 適用期間 the checker could never reach (its 申込日 is 2000–2100) is refused, saying the range. */
    @Test
    void periodAndValidityDatesAreWithinTheCheckersRange() {
        ProgramForm f = valid();
        ProgramForm.PeriodForm p = new ProgramForm.PeriodForm();
        p.start = "1999-12-31";
        p.end = "2101-01-01";
        f.periods.add(p);
        f.groups.get(0).validFrom = "1900-01-01";
        f.groups.get(0).validTo = "9999-12-31";
        assertThat(problems(f)).containsExactly("periods-0-start admin.error.date.range[]",
                "periods-0-end admin.error.date.range[]", "groups-0-validFrom admin.error.date.range[]",
                "groups-0-validTo admin.error.date.range[]");
        p.start = "2000-01-01";
        p.end = "2100-12-31";
        f.groups.get(0).validFrom = "2000-01-01";
        f.groups.get(0).validTo = "2100-12-31";
        assertThat(problems(f)).isEmpty();
        assertThat(messages.getMessage("admin.error.date.range", null, Locale.JAPANESE))
                .contains("2000年1月1日から2100年12月31日まで");
        assertThat(messages.getMessage("admin.error.date.range", null, Locale.ENGLISH))
                .contains("from 1 January 2000 to 31 December 2100");
        assertThat(jp.tsunagari.system.Typed.FIRST_DAY).hasToString("2000-01-01");
        assertThat(jp.tsunagari.system.Typed.LAST_DAY).hasToString("2100-12-31");
    }

    @Test
    void aCountNeedsItsAsOfDateAndBothAreRequired() {
        ProgramForm f = valid();
        MetricForm m = f.metrics.get(0);
        m.asOf = "";
        assertThat(problems(f)).containsExactly("metrics-0-asOf admin.error.date[]");
        m.asOf = "2025/04/01";
        m.value = "たくさん";
        assertThat(problems(f)).containsExactly("metrics-0-value admin.error.count[]", "metrics-0-asOf admin.error.date[]");
        m.value = "";
        m.asOf = "2025-04-01";
        assertThat(problems(f)).containsExactly("metrics-0-value admin.error.required[]");
    }

    @Test
    void yearAndMonthGoTogether() {
        ProgramForm f = valid();
        f.startYear = "2026";
        f.eventMonth = "5";
        assertThat(problems(f)).containsExactly("startMonth admin.error.yearMonth[]", "eventYear admin.error.yearMonth[]");
        f.startMonth = "13";
        assertThat(problems(f)).as("an invalid month is reported once, as invalid")
                .containsExactly("startMonth admin.error.integer[1, 12]", "eventYear admin.error.yearMonth[]");
    }

    @Test
    void placesAreLookedUp() {
        ProgramForm f = valid();
        f.prefecture = "13";
        f.groups.get(0).criteria.add(rule("RESIDENCE"));
        f.groups.get(0).criteria.get(1).areas = "岩手県, どこでもない町";
        f.examples.add(new ProgramForm.ExampleForm());
        f.examples.get(0).name = "会";
        f.examples.get(0).description = "説明";
        f.examples.get(0).prefecture = "48";
        assertThat(problems(f)).containsExactly("municipality admin.error.municipality.prefecture[]",
                "examples-0-prefecture admin.error.choose[]",
                "groups-0-criteria-1-areas admin.error.area[どこでもない町]");
        f.municipality = "999999";
        assertThat(problems(f)).contains("municipality admin.error.municipality[999999]");
    }

    @Test
    void eachCriterionTypeNeedsItsValues() {
        ProgramForm f = valid();
        GroupForm g = f.groups.get(0);
        g.criteria.clear();
        for (String type : List.of("AGE", "ORIGIN", "STUDENT", "APPLICANT", "GROUP_SIZE", "GROUP_YOUNG_SHARE")) {
            g.criteria.add(rule(type));
        }
        assertThat(problems(f)).containsExactly("groups-0-criteria-0-minAge admin.error.age.needed[]",
                "groups-0-criteria-1-areas admin.error.area.needed[]",
                "groups-0-criteria-2-schools admin.error.schools[]",
                "groups-0-criteria-3-applicants admin.error.applicants[]",
                "groups-0-criteria-4-minGroupSize admin.error.required[]",
                "groups-0-criteria-5-youngMaxAge admin.error.share.needed[]");
        g.criteria.clear();
        f.sections.get(0).items = " \n ";
        assertThat(problems(f)).containsExactly("sections-0-items admin.error.section.empty[]",
                "groups-0-label admin.error.group.empty[]");
    }

    @Test
    void messagesInJapaneseAndEnglish() {
        ProgramForm f = valid();
        f.name = "";
        f.nameKana = "カタカナ";
        f.officialUrl = "ftp://example.jp";
        f.groups.get(0).criteria.get(0).minAge = "x";
        f.groups.get(0).criteria.get(0).maxAge = "20";
        List<FormErrors.Error> errors = FormErrors.of(ProgramForm.class, validator.validate(f)).list();
        assertThat(errors).extracting(e -> messages.getMessage(e.key(), e.args(), Locale.JAPANESE)).containsExactly(
                "入力してください。", "よみはひらがなで入力してください。",
                "http:// または https:// で始まる正しいURLを入力してください。", "0から150までの整数で入力してください。");
        assertThat(errors).extracting(e -> messages.getMessage(e.key(), e.args(), Locale.ENGLISH)).containsExactly(
                "Enter a value.", "Write the reading in hiragana.",
                "Enter a valid URL starting with http:// or https://.", "Enter a whole number from 0 to 150.");
    }
}
