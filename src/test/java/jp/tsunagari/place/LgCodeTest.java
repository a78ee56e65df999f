package jp.tsunagari.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LgCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"131016", "011002", "010006", "270008", "271004", "182079", "131041", "024457", "262056"})
    void acceptsOfficialCodes(String code) {
        assertThat(LgCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"131017", "01100", "0110022", "01100a", "", "26205６"})
    void rejectsWrongCheckDigitOrShape(String code) {
        assertThat(LgCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"01,true", "47,true", "13,true", "00,false", "48,false", "1,false", "ab,false", "１３,false"})
    void prefectureCodes(String code, boolean valid) {
        assertThat(LgCode.isPrefectureCode(code)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"430005,43", "130001,13", "010006,01", "032018,-", "430006,-", "480000,-", "43000,-"})
    void aPrefecturesOwnCodeGivesItsPrefecture(String code, String prefecture) {
        assertThat(LgCode.prefectureOf(code)).isEqualTo(prefecture);
    }
}
