package jp.tsunagari.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits subscribe requests, as sign-in is limited: per client address ({@code per-client-per-hour}) and per e-mail
 * address ({@code per-address-per-hour}, so nobody can flood someone else's mailbox with confirmation mails). Both are
 * counted in the database (every instance counts the same requests) as SHA-256 hashes, never the addresses, and
 * forgotten after an hour.
 */
@Component
class AlertThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final AlertSettings settings;
    private final Clock clock;

    AlertThrottle(JdbcTemplate jdbc, AlertSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts this request; false if the client or the address already used up the hour's requests. */
    boolean allow(String client, String email) {
        String clientKey = "c:" + LinkKeys.hash(client == null ? "" : client);
        String addressKey = "a:" + LinkKeys.hash(email);
        Instant now = clock.instant();
        if (recent(clientKey, now) >= settings.perClientPerHour() || recent(addressKey, now) >= settings.perAddressPerHour()) {
            return false;
        }
        jdbc.update("insert into alert_attempt (throttle_key, tried_at) values (?, ?)", clientKey, Timestamp.from(now));
        jdbc.update("insert into alert_attempt (throttle_key, tried_at) values (?, ?)", addressKey, Timestamp.from(now));
        return true;
    }

    /** Forgets requests older than the window. */
    int forgetOld() {
        return jdbc.update("delete from alert_attempt where tried_at < ?", Timestamp.from(clock.instant().minus(WINDOW)));
    }

    private int recent(String key, Instant now) {
        Integer n = jdbc.queryForObject("select count(*) from alert_attempt where throttle_key = ? and tried_at >= ?",
                Integer.class, key, Timestamp.from(now.minus(WINDOW)));
        return n == null ? 0 : n;
    }
}
