package jp.tsunagari.alerts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code catalogue.alerts.*} (docs/operations.md): when the daily digest goes out (Japan time) and on which day the
 * weekly one; how often an instance looks whether a digest is due; how long a history revision must be old before a
 * digest takes it (so a save still being committed is never skipped); the sending rate and retries; how long an
 * unconfirmed subscription and an unrenewed one are kept; subscribe requests allowed per client and per address
 * in an hour; how long the matching waits at most, each time, for page requests being answered (0: never).
 */
@ConfigurationProperties("catalogue.alerts")
record AlertSettings(@DefaultValue("18:00") LocalTime dailyAt, @DefaultValue("MONDAY") DayOfWeek weeklyOn,
                     @DefaultValue("PT5M") Duration tick, @DefaultValue("PT2M") Duration settle,
                     @DefaultValue("20") int mailsPerSecond, @DefaultValue("5") int maxAttempts,
                     @DefaultValue("PT10M") Duration retryAfter, @DefaultValue("PT72H") Duration pendingFor,
                     @DefaultValue("P365D") Duration renewAfter, @DefaultValue("P30D") Duration renewGrace,
                     @DefaultValue("20") int perClientPerHour, @DefaultValue("3") int perAddressPerHour,
                     @DefaultValue("PT0.02S") Duration giveWay) {
}
