package jp.tsunagari.catalogue.internal;

import java.util.Locale;
import jp.tsunagari.system.Localized;

/** How an organizer is written: 「京都府宮津市」 in Japanese, "Miyazu, Kyoto" in English; the prefecture alone if no municipality. */
public final class OrganizerName {

    private OrganizerName() {
    }

    public static String of(Localized prefecture, Localized municipality, Locale locale) {
        if (prefecture == null || prefecture.nameJa() == null) {
            return null;
        }
        if (municipality == null) {
            return prefecture.name(locale);
        }
        boolean english = "en".equals(locale.getLanguage()) && municipality.nameEn() != null;
        return english ? municipality.nameEn() + ", " + prefecture.nameEn()
                : prefecture.nameJa() + municipality.nameJa();
    }
}
