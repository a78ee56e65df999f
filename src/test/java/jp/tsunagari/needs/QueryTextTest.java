package jp.tsunagari.needs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text as counted, and what is never counted because it looks like personal data. */
class QueryTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            岩手 奨学金              | 岩手 奨学金
            ＬＩＮＥ                 | line
            '  岩手　　 奨学金  '    | 岩手 奨学金
            ｶﾀｶﾅ ＵＩターン          | カタカナ uiターン
            2026年 ４月 移住         | 2026年 4月 移住
            100000円 補助            | 100000円 補助
            令和7年 03 岩手          | 令和7年 03 岩手
            """)
    void ordinaryQueriesAreKeptNormalised(String typed, String counted) {
        String text = QueryText.normalize(typed);
        assertThat(text).isEqualTo(counted);
        assertThat(QueryText.looksPersonal(text)).as(typed).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"taro@example.jp", "連絡 taro.yamada@example.co.jp", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ",
            "@", "090-1234-5678", "03-1234-5678", "0312345678", "+81 90 1234 5678", "+81-90-1234-5678",
            "０９０－１２３４－５６７８", "０９０ー１２３４ー５６７８", "03(1234)5678", "03（1234）5678", "090 - 1234 - 5678",
            "090.1234.5678", "〒123-4567", "123-4567 盛岡市", "1234567", "マイナンバー 1234 5678 9012",
            "4111 1111 1111 1111", "電話 0120-123-456", "090 1234 5678 山田"})
    void personalDataIsNotKept(String typed) {
        assertThat(QueryText.looksPersonal(QueryText.normalize(typed))).as(typed).isTrue();
    }

    @Test
    void digitsFarApartAreNotOneNumber() {
        assertThat(QueryText.looksPersonal("123 と 4567")).isFalse();
        assertThat(QueryText.looksPersonal("2026年 2027年")).isFalse();
        assertThat(QueryText.looksPersonal("123    4567")).as("four spaces apart").isFalse();
        assertThat(QueryText.looksPersonal("123   4567")).as("three spaces apart").isTrue();
    }

    @Test
    void atMostAHundredCharactersAndNoHalfCharacters() {
        assertThat(QueryText.normalize("あ".repeat(500))).hasSize(QueryText.MAX_LENGTH);
        String emoji = "あ".repeat(99) + "😀";
        assertThat(QueryText.normalize(emoji)).isEqualTo("あ".repeat(99));
        assertThat(QueryText.normalize("a".repeat(99) + " b")).as("no trailing space").isEqualTo("a".repeat(99));
        assertThat(QueryText.normalize("a".repeat(98) + " b c")).isEqualTo("a".repeat(98) + " b");
        assertThat(QueryText.normalize("a\u0000b\uD800c")).isEqualTo("a bc");
    }

    @Test
    void blankIsNothing() {
        assertThat(QueryText.normalize(null)).isEmpty();
        assertThat(QueryText.normalize(" \u3000\t")).isEmpty();
        assertThat(QueryText.normalize("\u00A0")).isEmpty();
    }
}
