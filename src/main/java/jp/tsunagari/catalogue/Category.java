package jp.tsunagari.catalogue;

import java.util.Locale;
import jp.tsunagari.system.Localized;

/**
 * One of the source's 取組の種類 (1 SNS … 5 その他) as other modules and pages see it: a value, read from the
 * category table. Its stable code is used in URLs ({@code /categories/gifts}); staff edit names through
 * {@link CategoryEditor}.
 */
public record Category(String code, int number, String nameJa, String nameEn, String descriptionJa,
                       String descriptionEn, String dataNoteJa, String dataNoteEn) implements Localized {

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionJa;
    }

    public String dataNote(Locale locale) {
        return "en".equals(locale.getLanguage()) && dataNoteEn != null ? dataNoteEn : dataNoteJa;
    }
}
