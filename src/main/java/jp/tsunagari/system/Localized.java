package jp.tsunagari.system;

import java.util.Locale;

/** Something with a Japanese name and an English one; the UI picks by locale, falling back to Japanese. */
public interface Localized {

    String nameJa();

    String nameEn();

    default String name(Locale locale) {
        String en = nameEn();
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : nameJa();
    }
}
