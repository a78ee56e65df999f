package jp.tsunagari.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_PER_ACCOUNT} failed sign-ins for one account, or
 * {@value #MAX_PER_ADDRESS} from one IP address, within {@link #WINDOW}, further attempts are refused until the
 * window has passed. Kept in memory per instance (see docs/security.md).
 */
@Component
class LoginThrottle {

    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String username, String address) {
        return recent("account:" + key(username)) >= MAX_PER_ACCOUNT || recent("ip:" + address) >= MAX_PER_ADDRESS;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        add("account:" + key(username), now);
        add("ip:" + address, now);
    }

    void succeeded(String username) {
        failures.remove("account:" + key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > MAX_PER_ADDRESS) {
                times.removeFirst();
            }
        }
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = clock.instant().minus(WINDOW);
        synchronized (times) {
            times.removeIf(t -> t.isBefore(since));
            return times.size();
        }
    }
}
