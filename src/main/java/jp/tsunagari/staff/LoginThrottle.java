package jp.tsunagari.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_PER_ACCOUNT} failed sign-ins for one account, or
 * {@value #MAX_PER_ADDRESS} from one IP address, within {@link #WINDOW}, further attempts are refused until the
 * window has passed. Failures are kept in the database, so every instance counts the same attempts.
 */
@Component
class LoginThrottle {

    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final JdbcTemplate jdbc;

    LoginThrottle(Clock clock, JdbcTemplate jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    boolean blocked(String username, String address) {
        return recent(account(username)) >= MAX_PER_ACCOUNT || recent(ip(address)) >= MAX_PER_ADDRESS;
    }

    void failed(String username, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into sign_in_failure (throttle_key, failed_at) values (?, ?)", account(username), now);
        jdbc.update("insert into sign_in_failure (throttle_key, failed_at) values (?, ?)", ip(address), now);
    }

    void succeeded(String username) {
        jdbc.update("delete from sign_in_failure where throttle_key = ?", account(username));
    }

    /** Forgets failures older than the window (every 10 minutes, on every instance; harmless when repeated). */
    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void forgetOld() {
        jdbc.update("delete from sign_in_failure where failed_at < ?", Timestamp.from(clock.instant().minus(WINDOW)));
    }

    private static String account(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    private static String ip(String address) {
        return "ip:" + (address == null ? "" : address);
    }

    private int recent(String key) {
        Instant since = clock.instant().minus(WINDOW);
        Integer n = jdbc.queryForObject("select count(*) from sign_in_failure where throttle_key = ? and failed_at >= ?",
                Integer.class, key, Timestamp.from(since));
        return n == null ? 0 : n;
    }
}
