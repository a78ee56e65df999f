package jp.tsunagari.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * What the program page shows of a schedule on {@code today} (Japan): the 受付状況, the window open now or the next
 * one, the registered 受付期間 and end.
 */
public record ScheduleView(Acceptance acceptance, LocalDate today, Acceptance.Window open, Acceptance.Window next,
                           List<ProgramContent.Period> periods, Integer endYear, Integer endMonth) {

    public static ScheduleView of(Lifecycle lifecycle, ProgramContent.Schedule s, LocalDate today) {
        Acceptance acceptance = Acceptance.of(lifecycle, s, today);
        boolean takes = acceptance == Acceptance.NOW || acceptance == Acceptance.SOON;
        return new ScheduleView(acceptance, today, takes ? Acceptance.openOn(s, today).orElse(null) : null,
                takes ? Acceptance.next(s, today).orElse(null) : null, s.periods(), s.endYear(), s.endMonth());
    }

    public boolean ended() {
        return acceptance == Acceptance.ENDED;
    }
}
