package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import jp.tsunagari.catalogue.Freshness;
import jp.tsunagari.catalogue.ApplicationCost;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import org.junit.jupiter.api.Test;

/** 年齢下限 and 年齢上限 of the program table: the ages outside which nobody qualifies through any group. */
class ProgramTableTest {

    static ProgramContent.Rule age(Strength strength, Integer min, Integer max) {
        return new ProgramContent.Rule(CriterionType.AGE, strength, Subject.SELF, "年齢", min, max, null, null, false,
                false, null, null, null, null, null, null, null, null);
    }

    static ProgramContent.Rule origin(String area) {
        return new ProgramContent.Rule(CriterionType.ORIGIN, Strength.HARD, Subject.SELF, "出身", null, null,
                List.of(area), null, false, false, null, null, null, null, null, null, null, null);
    }

    static ProgramContent.Group group(ProgramContent.Rule... rules) {
        return new ProgramContent.Group("group", List.of(rules));
    }

    static ProgramContent content(ProgramContent.Group... groups) {
        return new ProgramContent("試験", "しけん", null, "sns", "02", null, null, null, null, null, Channel.LINE,
                Lifecycle.ONGOING, "概要", null, null, "対象", null, null, null, null, null, null, null, null,
                List.of(groups), null, null);
    }

    static List<Integer> envelope(ProgramContent.Group... groups) {
        return Arrays.asList(ProgramTable.ageEnvelope(content(groups)));
    }

    @Test
    void applicationCellsAreEmptyUntilRegisteredThenWritten() {
        ProgramContent none = content();
        ProgramContent c = new ProgramContent("試験", "しけん", null, "sns", "02", null, null, null, null, null,
                Channel.LINE, Lifecycle.ONGOING, "概要", null, null, "対象", null, null, null, null, null, null, null,
                null, null, new ProgramContent.Application("郵送", "https://example.jp/a", "市民部", "019-000-0000", null,
                null, List.of("申込書", "証明書"), ApplicationCost.AMOUNT, 1500, null), null);
        ProgramTable.Names names = new ProgramTable.Names(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        List<String> empty = ProgramTable.row(new ProgramValueReader.Entry(1, PublicationStatus.PUBLISHED, none,
                java.util.Set.of(), null, null, null), "", names, Freshness.State.CURRENT);
        List<String> filled = ProgramTable.row(new ProgramValueReader.Entry(1, PublicationStatus.PUBLISHED, c,
                java.util.Set.of(), null, null, null), "", names, Freshness.State.DUE);
        int method = ProgramTable.Column.APPLY_METHOD.ordinal();
        assertThat(empty.subList(method, method + 10)).containsOnly("");
        assertThat(filled.subList(method, method + 10)).containsExactly("郵送", "https://example.jp/a", "市民部",
                "019-000-0000", "", "", "申込書\n証明書", "1500円", "", "");
        assertThat(filled).hasSize(ProgramTable.headers().size());
        assertThat(empty.get(ProgramTable.Column.CONFIRMATION.ordinal())).isEqualTo("確認済み");
        assertThat(filled.get(ProgramTable.Column.CONFIRMATION.ordinal())).isEqualTo("要再確認");
    }

    @Test
    void noGroupsNoAges() {
        assertThat(envelope()).containsExactly(null, null);
    }

    @Test
    void groupsWithoutAgesGiveNoAges() {
        assertThat(envelope(group(origin("02")))).containsExactly(null, null);
        assertThat(envelope(group(origin("02")), group(origin("03")))).containsExactly(null, null);
    }

    @Test
    void oneGroupWithARange() {
        assertThat(envelope(group(origin("03"), age(Strength.HARD, 15, 25)))).containsExactly(15, 25);
        assertThat(envelope(group(age(Strength.HARD, null, 35)))).containsExactly(null, 35);
        assertThat(envelope(group(age(Strength.HARD, 18, null)))).containsExactly(18, null);
    }

    @Test
    void rulesOfOneGroupAllHoldSoTheNarrowestCounts() {
        assertThat(envelope(group(age(Strength.HARD, 15, 30), age(Strength.HARD, 18, 25)))).containsExactly(18, 25);
        assertThat(envelope(group(age(Strength.HARD, 18, null), age(Strength.HARD, null, 30)))).containsExactly(18, 30);
    }

    @Test
    void groupsAreAlternativesSoTheWidestCounts() {
        assertThat(envelope(group(age(Strength.HARD, 15, 25)), group(age(Strength.HARD, 19, 35))))
                .containsExactly(15, 35);
    }

    @Test
    void aGroupWithoutALimitRemovesThatLimit() {
        assertThat(envelope(group(age(Strength.HARD, 19, 35)), group(origin("26")))).containsExactly(null, null);
        assertThat(envelope(group(age(Strength.HARD, 19, 35)), group(age(Strength.HARD, null, 30))))
                .containsExactly(null, 35);
        assertThat(envelope(group(age(Strength.HARD, 19, 35)), group(age(Strength.HARD, 20, null))))
                .containsExactly(19, null);
    }

    @Test
    void softAgesAreNotLimits() {
        assertThat(envelope(group(age(Strength.SOFT, 15, 25)))).containsExactly(null, null);
        assertThat(envelope(group(age(Strength.SOFT, 10, 20), age(Strength.HARD, 15, 25)))).containsExactly(15, 25);
    }
}
