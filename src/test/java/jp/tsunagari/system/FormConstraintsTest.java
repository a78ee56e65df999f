package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import jp.tsunagari.place.LocalGovernmentCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The generic form constraints on their own (plain Hibernate Validator, no Spring): valid and invalid values, the
 * message key and arguments each reports, and the messages in Japanese and English.
 */
class FormConstraintsTest {

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    enum Colour { RED, GREEN }

    @InOrder(lower = "min", upper = "max", min = 0, max = 150, message = "{admin.error.ageOrder}")
    static class Sample {
        @Text(max = 5, required = true)
        String name = "名前";
        @Text(max = 3)
        String note = "";
        @WholeNumber(min = 0, max = 150)
        String min = "";
        @WholeNumber(min = 0, max = 150)
        String max = "";
        @Choice(value = Colour.class, required = true)
        String colour = "red";
        @IsoDate(required = true)
        String asOf = "2025-03-04";
        @HttpUrl
        String url = "";
        @LocalGovernmentCode
        String lgCode = "";
    }

    static List<String> problems(Sample sample) {
        return FormErrors.of(Sample.class, VALIDATOR.validate(sample)).list().stream()
                .map(e -> e.field() + " " + e.key() + List.of(e.args())).toList();
    }

    static String ja(FormErrors.Error e) {
        return message(e, Locale.JAPANESE);
    }

    static String message(FormErrors.Error e, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(e.key(), e.args(), locale);
    }

    @Test
    void validValuesPass() {
        Sample s = new Sample();
        s.name = "　あいうえお　";
        s.min = " 18 ";
        s.max = "22";
        s.colour = "Green";
        s.url = "https://example.jp/a?b=c";
        s.lgCode = "032018";
        assertThat(problems(s)).isEmpty();
        s.lgCode = "030007"; // 岩手県's own code
        s.min = "22";
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void textIsRequiredAndLimitedWithoutTheSpaceAroundIt() {
        Sample s = new Sample();
        s.name = "　 ";
        s.note = "abcd";
        assertThat(problems(s)).containsExactly("name admin.error.required[]", "note admin.error.tooLong[3]");
    }

    @Test
    void numbersDatesChoicesAndUrlsAsTyped() {
        Sample s = new Sample();
        s.min = "abc";
        s.max = "151";
        s.colour = "blue";
        s.asOf = "2025-02-30";
        s.url = "javascript:alert(1)";
        assertThat(problems(s)).containsExactly("min admin.error.integer[0, 150]", "max admin.error.integer[0, 150]",
                "colour admin.error.choose[]", "asOf admin.error.date[]", "url admin.error.url[]");
        s = new Sample();
        s.colour = "";
        s.asOf = "";
        s.url = "http:///no-host";
        assertThat(problems(s)).containsExactly("colour admin.error.choose[]", "asOf admin.error.date[]",
                "url admin.error.url[]");
        s.url = "https://example.jp/" + "a".repeat(500);
        assertThat(problems(s)).contains("url admin.error.url[]");
    }

    @Test
    void theLowerBoundMustNotBeAboveTheUpperOne() {
        Sample s = new Sample();
        s.min = "30";
        s.max = "22";
        assertThat(problems(s)).containsExactly("min admin.error.ageOrder[]");
        s.max = "abc";
        assertThat(problems(s)).as("an invalid bound is reported by its own constraint only")
                .containsExactly("max admin.error.integer[0, 150]");
    }

    @Test
    void localGovernmentCodesNeedTheirCheckDigit() {
        Sample s = new Sample();
        for (String bad : List.of("032019", "03201", "０３２０１８", "480002", "abcdef")) {
            s.lgCode = bad;
            assertThat(problems(s)).as(bad).containsExactly("lgCode admin.import.error.lgCode[" + bad + "]");
        }
    }

    @Test
    void messagesInJapaneseAndEnglish() {
        Sample s = new Sample();
        s.note = "abcd";
        s.min = "30";
        s.max = "22";
        s.lgCode = "032019";
        List<FormErrors.Error> errors = FormErrors.of(Sample.class, VALIDATOR.validate(s)).list();
        assertThat(errors).extracting(FormConstraintsTest::ja).containsExactly("3文字以内で入力してください。",
                "年齢の下限は上限以下にしてください。", "「032019」は全国地方公共団体コード（検査数字付きの6桁）ではありません。");
        assertThat(errors).extracting(e -> message(e, Locale.ENGLISH)).containsExactly("Use at most 3 characters.",
                "The minimum age must not be above the maximum.", message(errors.get(2), Locale.ENGLISH));
        assertThat(message(errors.get(2), Locale.ENGLISH)).contains("032019").doesNotContain("{0}");
    }
}
