package jp.tsunagari.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import jp.tsunagari.system.JapanTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * How fresh a program is, from the day its content was last known true ({@code assured_on}: 最終確認日, else its
 * source's as-of date, else its creation). A published program not confirmed for {@code reconfirm-after} (12 months)
 * is 要再確認: its maintainers are asked, reminded after {@code remind-after} (1 month), then the office is told;
 * after {@code notice-after} (15 months) its pages and cards say since when it has not been confirmed, and lists can
 * leave it out. Nothing is unpublished automatically. Days are Japan's.
 */
@Component
@EnableConfigurationProperties(Freshness.Settings.class)
public class Freshness {

    /** {@code catalogue.freshness.*} (docs/operations.md); {@code tick}: how often the cycle's job looks. */
    @ConfigurationProperties("catalogue.freshness")
    public record Settings(@DefaultValue("P12M") Period reconfirmAfter, @DefaultValue("P1M") Period remindAfter,
                           @DefaultValue("P15M") Period noticeAfter, @DefaultValue("PT1H") Duration tick) {
    }

    /** A program's state in the cycle, with the code the API, the CSV and the list filter use. */
    public enum State {
        /** Confirmed within {@code reconfirm-after}. */
        CURRENT("current"),
        /** 要再確認: not confirmed for {@code reconfirm-after}. */
        DUE("due"),
        /** Not confirmed for {@code notice-after}: the public pages say so. */
        UNCONFIRMED("unconfirmed");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Settings settings;
    private final Clock clock;

    Freshness(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public LocalDate today() {
        return JapanTime.today(clock);
    }

    /** Programs last known true on or before this day are 要再確認 on {@code today}. */
    public LocalDate dueOnOrBefore(LocalDate today) {
        return today.minus(settings.reconfirmAfter());
    }

    /** Programs last known true on or before this day show the notice on {@code today}. */
    public LocalDate noticeOnOrBefore(LocalDate today) {
        return today.minus(settings.noticeAfter());
    }

    public State state(LocalDate assuredOn, LocalDate today) {
        if (assuredOn == null || !assuredOn.isAfter(noticeOnOrBefore(today))) {
            return State.UNCONFIRMED;
        }
        return assuredOn.isAfter(dueOnOrBefore(today)) ? State.CURRENT : State.DUE;
    }

    /**
     * The first day on which a program last known true on {@code assuredOn} shows the notice: the first day whose
     * {@link #noticeOnOrBefore} reaches it (one to three days after {@code assuredOn} + {@code notice-after} when a
     * month's end cuts the addition short, e.g. 30 November + 15 months).
     */
    public LocalDate unconfirmedFrom(LocalDate assuredOn) {
        LocalDate day = assuredOn.plus(settings.noticeAfter());
        while (noticeOnOrBefore(day).isBefore(assuredOn)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The day to name in 「この情報は…以降確認されていません」 today, or null when the program needs no notice. */
    public LocalDate unconfirmedSince(LocalDate assuredOn) {
        return state(assuredOn, today()) == State.UNCONFIRMED ? assuredOn : null;
    }
}
