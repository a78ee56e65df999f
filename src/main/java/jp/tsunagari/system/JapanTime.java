package jp.tsunagari.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The catalogue's days are Japan's: 受付状況, 最終確認日 and the checker's default 申込日 use Asia/Tokyo. */
public final class JapanTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanTime() {
    }

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter JA_MONTH_DAY = DateTimeFormatter.ofPattern("M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter EN_MONTH_DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    /** A day as people read it: 2026年4月1日, or 1 April 2026 in English; empty for null. */
    public static String format(LocalDate day, Locale locale) {
        return day == null ? "" : (english(locale) ? EN : JA).format(day);
    }

    /** The day without its year (a yearly 受付期間): 4月1日, or 1 April. */
    public static String monthDay(LocalDate day, Locale locale) {
        return day == null ? "" : (english(locale) ? EN_MONTH_DAY : JA_MONTH_DAY).format(day);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** The day in Japan at {@code instant}. */
    public static LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Today in Japan by {@code clock} (the application's clock, which tests may fix). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
