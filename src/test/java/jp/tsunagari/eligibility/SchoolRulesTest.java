package jp.tsunagari.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchoolRulesTest {

    @Test
    void parsesTypesGradesAndMarkers() {
        SchoolRules rules = SchoolRules.parse("university,kosen:4-5,vocational,professional-university,etc");
        assertThat(rules.rules()).hasSize(4);
        assertThat(rules.openEnded()).isTrue();
        assertThat(rules.anySchool()).isFalse();
        SchoolRules.Rule kosen = rules.ruleFor(SchoolType.KOSEN).orElseThrow();
        assertThat(kosen.minGrade()).isEqualTo(4);
        assertThat(kosen.maxGrade()).isEqualTo(5);
        assertThat(rules.ruleFor(SchoolType.HIGH)).isEmpty();
    }

    @Test
    void formatsBackToTheSameText() {
        String text = "junior-high,high,kosen:4-5,any,etc";
        assertThat(SchoolRules.parse(text).format()).isEqualTo(text);
        assertThat(SchoolRules.parse(null).format()).isNull();
    }

    @Test
    void rejectsUnknownSchoolTypes() {
        assertThatThrownBy(() -> SchoolRules.parse("university,college")).isInstanceOf(IllegalArgumentException.class);
    }
}
