package jp.tsunagari.alerts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often a subscription gets mail: その日のうちに (a digest each day at {@code daily-at}) or 週に1回 (on
 * {@code weekly-on}). A period is named by its day or ISO week; a digest is due once its time has come.
 */
enum Frequency {
    DAILY("daily"), WEEKLY("weekly");

    final String code;

    Frequency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Frequency> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** The latest period whose digest time has come by {@code now} (Japan time): its key, e.g. 2026-12-07 or 2026-W50. */
    String duePeriod(LocalDateTime now, LocalTime at, DayOfWeek on) {
        if (this == DAILY) {
            LocalDate day = now.toLocalTime().isBefore(at) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
            return day.toString();
        }
        LocalDate thisWeeks = now.toLocalDate().with(TemporalAdjusters.previousOrSame(on));
        LocalDate day = thisWeeks.equals(now.toLocalDate()) && now.toLocalTime().isBefore(at)
                ? thisWeeks.minusWeeks(1) : thisWeeks;
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
