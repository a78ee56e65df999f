package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * A program's state by the day it was last known true, at the 12- and 15-month boundaries, also where a month's end
 * cuts the months short; and the day the search index stops counting it as recently confirmed agrees with the state.
 */
class FreshnessTest {

    final Freshness freshness = new Freshness(new Freshness.Settings(Period.ofMonths(12), Period.ofMonths(1),
            Period.ofMonths(15), Duration.ofHours(1)), Clock.systemUTC());

    @Test
    void twelveAndFifteenMonthsToTheDay() {
        LocalDate assured = LocalDate.of(2025, 3, 4);
        assertThat(freshness.state(assured, LocalDate.of(2026, 3, 3))).isEqualTo(Freshness.State.CURRENT);
        assertThat(freshness.state(assured, LocalDate.of(2026, 3, 4))).isEqualTo(Freshness.State.DUE);
        assertThat(freshness.state(assured, LocalDate.of(2026, 6, 3))).isEqualTo(Freshness.State.DUE);
        assertThat(freshness.state(assured, LocalDate.of(2026, 6, 4))).isEqualTo(Freshness.State.UNCONFIRMED);
        assertThat(freshness.unconfirmedFrom(assured)).isEqualTo(LocalDate.of(2026, 6, 4));
    }

    @Test
    void aMonthsEndDoesNotMakeTheIndexAndThePagesDisagree() {
        LocalDate assured = LocalDate.of(2024, 11, 30);
        LocalDate from = freshness.unconfirmedFrom(assured);
        assertThat(from).isEqualTo(LocalDate.of(2026, 3, 1));
        for (LocalDate day = LocalDate.of(2026, 2, 20); day.isBefore(LocalDate.of(2026, 3, 10)); day = day.plusDays(1)) {
            boolean unconfirmed = freshness.state(assured, day) == Freshness.State.UNCONFIRMED;
            assertThat(unconfirmed).as(day.toString()).isEqualTo(!day.isBefore(from));
        }
    }
}
