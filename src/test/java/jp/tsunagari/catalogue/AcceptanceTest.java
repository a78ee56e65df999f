package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 受付状況 from a program's lifecycle, end and 受付期間 on a given day (plain rules, no Spring). */
class AcceptanceTest {

    static ProgramContent.Schedule periods(Integer endYear, Integer endMonth, ProgramContent.Period... periods) {
        return new ProgramContent.Schedule(endYear, endMonth, List.of(periods));
    }

    static ProgramContent.Period once(String start, String end) {
        return new ProgramContent.Period(LocalDate.parse(start), LocalDate.parse(end), false);
    }

    static ProgramContent.Period yearly(String start, String end) {
        return new ProgramContent.Period(LocalDate.parse(start), LocalDate.parse(end), true);
    }

    static Acceptance on(String day, ProgramContent.Schedule s) {
        return Acceptance.of(Lifecycle.ONGOING, s, LocalDate.parse(day));
    }

    @Test
    void aOneOffPeriodIsBeforeOpenThenClosedWithItsFirstAndLastDayIncluded() {
        ProgramContent.Schedule s = periods(null, null, once("2026-11-01", "2026-12-15"));
        assertThat(on("2026-10-31", s)).isEqualTo(Acceptance.SOON);
        assertThat(on("2026-11-01", s)).isEqualTo(Acceptance.NOW);
        assertThat(on("2026-12-15", s)).isEqualTo(Acceptance.NOW);
        assertThat(on("2026-12-16", s)).isEqualTo(Acceptance.CLOSED);
        assertThat(Acceptance.deadline(Lifecycle.ONGOING, s, LocalDate.parse("2026-12-01")))
                .isEqualTo(LocalDate.parse("2026-12-15"));
        assertThat(Acceptance.deadline(Lifecycle.ONGOING, s, LocalDate.parse("2026-12-16"))).isNull();
    }

    @Test
    void aYearlyPeriodComesBackEveryYearFromItsFirstYearOnly() {
        ProgramContent.Schedule s = periods(null, null, yearly("2026-04-01", "2026-05-31"));
        assertThat(on("2025-04-15", s)).as("before its first year").isEqualTo(Acceptance.SOON);
        assertThat(on("2026-12-01", s)).isEqualTo(Acceptance.SOON);
        assertThat(Acceptance.next(s, LocalDate.parse("2026-12-01")).orElseThrow())
                .isEqualTo(new Acceptance.Window(LocalDate.parse("2027-04-01"), LocalDate.parse("2027-05-31")));
        assertThat(on("2029-05-31", s)).isEqualTo(Acceptance.NOW);
        assertThat(Acceptance.deadline(Lifecycle.ONGOING, s, LocalDate.parse("2029-04-10")))
                .isEqualTo(LocalDate.parse("2029-05-31"));
    }

    @Test
    void aYearlyPeriodAcrossNewYearIsOpenInJanuary() {
        ProgramContent.Schedule s = periods(null, null, yearly("2025-12-01", "2026-01-31"));
        assertThat(on("2027-01-15", s)).isEqualTo(Acceptance.NOW);
        assertThat(Acceptance.openOn(s, LocalDate.parse("2027-01-15")).orElseThrow())
                .isEqualTo(new Acceptance.Window(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-31")));
        assertThat(on("2027-02-01", s)).isEqualTo(Acceptance.SOON);
    }

    @Test
    void theProgramsEndEndsItsPeriodsAndThenTheProgram() {
        ProgramContent.Schedule s = periods(2027, 3, yearly("2026-02-01", "2026-04-30"));
        assertThat(Acceptance.openOn(s, LocalDate.parse("2027-03-10")).orElseThrow().end())
                .as("the window is cut at the end of March 2027").isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(on("2027-03-31", s)).isEqualTo(Acceptance.NOW);
        assertThat(on("2027-04-01", s)).isEqualTo(Acceptance.ENDED);
        assertThat(on("2026-12-01", s)).as("the 2027 window still opens").isEqualTo(Acceptance.SOON);
        ProgramContent.Schedule lastYear = periods(2027, null, yearly("2026-04-01", "2026-05-31"));
        assertThat(on("2027-12-31", lastYear)).as("an end year alone lasts to 31 December")
                .isEqualTo(Acceptance.CLOSED);
        assertThat(on("2028-01-01", lastYear)).isEqualTo(Acceptance.ENDED);
    }

    @Test
    void theSourcesEndedAndNothingRegisteredAreTheirOwnStates() {
        ProgramContent.Schedule open = periods(null, null, once("2026-01-01", "2030-12-31"));
        assertThat(Acceptance.of(Lifecycle.ENDED, open, LocalDate.parse("2026-12-01"))).isEqualTo(Acceptance.ENDED);
        assertThat(on("2026-12-01", ProgramContent.Schedule.NONE)).isEqualTo(Acceptance.UNKNOWN);
        assertThat(Acceptance.of(Lifecycle.ONE_OFF, ProgramContent.Schedule.NONE, LocalDate.parse("2026-12-01")))
                .as("a one-off event without registered dates is not guessed to be over").isEqualTo(Acceptance.UNKNOWN);
    }

    @Test
    void ofSeveralOpenPeriodsTheOneClosingFirstGivesTheDeadline() {
        ProgramContent.Schedule s = periods(null, null, once("2026-11-01", "2027-03-31"), once("2026-11-15", "2026-12-20"));
        assertThat(Acceptance.deadline(Lifecycle.ONGOING, s, LocalDate.parse("2026-12-01")))
                .isEqualTo(LocalDate.parse("2026-12-20"));
    }
}
