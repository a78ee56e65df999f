package jp.tsunagari.catalogue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * 受付状況 on a given day (Asia/Tokyo), computed from the program's lifecycle, end and 受付期間:
 * 終了 when the source says it ended or its registered end has passed; else 受付中 when a period is open that day,
 * 受付前 when one opens later, 受付終了 when every period is over; 未登録 when no period is registered.
 * Periods that would open after the program's end do not count.
 */
public enum Acceptance {
    NOW("now"), SOON("soon"), CLOSED("closed"), ENDED("ended"), UNKNOWN("unknown");

    private final String code;

    Acceptance(String code) {
        this.code = code;
    }

    /** The value of {@code accepting=} (now, soon, closed) and of the API; ended and unknown are not facet values. */
    public String code() {
        return code;
    }

    public static Optional<Acceptance> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    /** One concrete time a period is open: {@code start} to {@code end} inclusive. */
    public record Window(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** The status on {@code today}. */
    public static Acceptance of(Lifecycle lifecycle, ProgramContent.Schedule schedule, LocalDate today) {
        LocalDate end = schedule.endDay();
        if (lifecycle == Lifecycle.ENDED || end != null && today.isAfter(end)) {
            return ENDED;
        }
        if (schedule.periods().isEmpty()) {
            return UNKNOWN;
        }
        if (openOn(schedule, today).isPresent()) {
            return NOW;
        }
        return next(schedule, today).isPresent() ? SOON : CLOSED;
    }

    /** The window open on {@code day}, if any (the one closing first if several are). */
    public static Optional<Window> openOn(ProgramContent.Schedule schedule, LocalDate day) {
        Window best = null;
        for (ProgramContent.Period p : schedule.periods()) {
            for (int year = day.getYear() - 1; year <= day.getYear(); year++) {
                Window w = occurrence(p, year, schedule.endDay());
                if (w != null && w.contains(day) && (best == null || w.end().isBefore(best.end()))) {
                    best = w;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The next window that opens after {@code day}, if any. */
    public static Optional<Window> next(ProgramContent.Schedule schedule, LocalDate day) {
        Window best = null;
        for (ProgramContent.Period p : schedule.periods()) {
            for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
                Window w = occurrence(p, year, schedule.endDay());
                if (w != null && w.start().isAfter(day) && (best == null || w.start().isBefore(best.start()))) {
                    best = w;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The deadline a 「締切が近い順」 list sorts by: the end of the open window, else of the next one; null when the
     * program takes no more applications.
     */
    public static LocalDate deadline(Lifecycle lifecycle, ProgramContent.Schedule schedule, LocalDate today) {
        return switch (of(lifecycle, schedule, today)) {
            case NOW -> openOn(schedule, today).map(Window::end).orElse(null);
            case SOON -> next(schedule, today).map(Window::end).orElse(null);
            default -> null;
        };
    }

    /**
     * The period's window in {@code year} (the year it opens), or null when it does not open that year: before its
     * first time, a one-off period in another year, or after the program's end.
     */
    static Window occurrence(ProgramContent.Period p, int year, LocalDate programEnd) {
        if (year < p.start().getYear() || !p.yearly() && year != p.start().getYear()) {
            return null;
        }
        LocalDate start = p.start().withYear(year);
        LocalDate end = p.end().withYear(year + p.end().getYear() - p.start().getYear());
        if (programEnd != null && start.isAfter(programEnd)) {
            return null;
        }
        return new Window(start, programEnd != null && end.isAfter(programEnd) ? programEnd : end);
    }
}
