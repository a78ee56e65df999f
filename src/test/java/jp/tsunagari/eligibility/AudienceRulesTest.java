package jp.tsunagari.eligibility;

import static jp.tsunagari.eligibility.Audience.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceRulesTest {

    private static Criterion hard(CriterionType type, Subject subject) {
        return Criterion.of(type, Strength.HARD, subject, "text");
    }

    @Test
    void jimotoTochigiIsForYoungPeopleFromThePrefecture() {
        TargetGroup group = new TargetGroup(1, "主に東京圏在住で栃木県出身の35歳以下の若者", List.of(
                hard(CriterionType.ORIGIN, Subject.SELF).withAreas(List.of("09"), null, false, false),
                hard(CriterionType.AGE, Subject.SELF).withAges(null, 35),
                Criterion.of(CriterionType.RESIDENCE, Strength.SOFT, Subject.SELF, "主に東京圏在住")
                        .withAreas(List.of("13", "14", "11", "12"), "東京圏", false, false)));
        assertThat(AudienceRules.derive(List.of(group))).containsExactlyInAnyOrder(ALUMNI, YOUTH);
    }

    @Test
    void ageLimitAboveTheYouthLimitIsNotYouth() {
        TargetGroup group = new TargetGroup(1, "g", List.of(hard(CriterionType.AGE, Subject.SELF).withAges(18, 40)));
        assertThat(AudienceRules.derive(List.of(group))).isEmpty();
        TargetGroup young = new TargetGroup(1, "g", List.of(hard(CriterionType.AGE, Subject.SELF)
                .withAges(null, AudienceRules.YOUTH_MAX_AGE)));
        assertThat(AudienceRules.derive(List.of(young))).containsExactly(YOUTH);
    }

    @Test
    void guardianAndFamilyResidenceMeanParents() {
        TargetGroup group = new TargetGroup(1, "g", List.of(
                hard(CriterionType.STUDENT, Subject.SELF).withSchools(SchoolRules.parse("university")),
                hard(CriterionType.APPLICANT, Subject.SELF).withApplicants(Set.of(Applicant.GUARDIAN)),
                hard(CriterionType.RESIDENCE, Subject.FAMILY).withAreas(List.of("024457"), null, false, false)));
        assertThat(AudienceRules.derive(List.of(group))).containsExactlyInAnyOrder(STUDENT, GUARDIAN);
    }

    @Test
    void aGroupWithOnlySoftCriteriaIsOpenToAnyone() {
        TargetGroup open = new TargetGroup(1, "まちづくりに関心のある人",
                List.of(Criterion.of(CriterionType.FREE_TEXT, Strength.SOFT, Subject.SELF, "まちづくりに関心のある人")));
        TargetGroup groups = new TargetGroup(2, "団体", List.of(
                hard(CriterionType.APPLICANT, Subject.SELF).withApplicants(Set.of(Applicant.GROUP))));
        assertThat(AudienceRules.derive(List.of(open, groups))).containsExactlyInAnyOrder(ANYONE, GROUP);
    }

    @Test
    void aHardFreeTextConditionIsNotOpenToAnyoneButMayNameATag() {
        TargetGroup group = new TargetGroup(1, "富山県外へ旅立つ若者", List.of(
                Criterion.of(CriterionType.FREE_TEXT, Strength.HARD, Subject.SELF, "富山県外へ旅立つ若者").withAudienceHint(YOUTH)));
        assertThat(AudienceRules.derive(List.of(group))).containsExactly(YOUTH);
    }
}
