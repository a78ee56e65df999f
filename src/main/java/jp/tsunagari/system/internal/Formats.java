package jp.tsunagari.system.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Date and number formats for templates ({@code ${@fmt.yearMonth(p.start, #locale)}}): 2022年3月 / March 2022. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter JA_YEAR_MONTH = DateTimeFormatter.ofPattern("uuuu年M月", Locale.JAPANESE);
    private static final DateTimeFormatter EN_YEAR_MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    public String yearMonth(YearMonth value, Locale locale) {
        return value == null ? "" : value.format(english(locale) ? EN_YEAR_MONTH : JA_YEAR_MONTH);
    }

    public String date(LocalDate value, Locale locale) {
        return jp.tsunagari.system.JapanTime.format(value, locale);
    }

    public String monthDay(LocalDate value, Locale locale) {
        return jp.tsunagari.system.JapanTime.monthDay(value, locale);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** A moment in the server's time zone, e.g. 2026-11-28 13:05 (for staff pages). */
    public String dateTime(java.time.Instant value, Locale locale) {
        return value == null ? "" : DATE_TIME.format(value.atZone(java.time.ZoneId.systemDefault()));
    }


    /** A moment in Japan's time, whatever the server's zone, e.g. 2026-11-28 13:05 (the link check's dates). */
    public String tokyoDateTime(java.time.Instant value, Locale locale) {
        return value == null ? "" : DATE_TIME.format(value.atZone(jp.tsunagari.system.JapanTime.ZONE));
    }

    public String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(english(locale) ? Locale.ENGLISH : Locale.JAPANESE).format(value);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
