package jp.tsunagari.admin;

import java.time.Clock;
import java.time.Instant;
import jp.tsunagari.system.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The database of its own and the hand-set clock (10:00 in Japan on 2026-12-01 to start with) that
 * {@link ApplicationPeriodJourneyTest} and {@code checker.DatedRulesTest} share: one application context for both.
 */
public final class ApplicationPeriodJourneyTestSupport {

    public static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:periods;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    public static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-01T01:00:00Z"));

    private ApplicationPeriodJourneyTestSupport() {
    }

    @TestConfiguration
    public static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }
}
