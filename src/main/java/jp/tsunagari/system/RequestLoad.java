package jp.tsunagari.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many page requests this instance is working on now (those that took a turn in
 * {@code system.internal.ConcurrencyLimitFilter}), so that background work can give way to people: a job calls
 * {@link #giveWay} between two small batches and waits while requests are being answered, up to a bound, so that
 * it still ends. Forms, downloads, health checks and static files are not counted (they take no turn).
 */
@Component
public class RequestLoad {

    private final AtomicInteger working = new AtomicInteger();

    /** A page request began its work. */
    public void started() {
        working.incrementAndGet();
    }

    /** A page request ended (after {@link #started()}). */
    public void finished() {
        working.decrementAndGet();
    }

    /** Page requests being worked on now. */
    public int working() {
        return working.get();
    }

    /**
     * Waits, checking every millisecond, while page requests are being worked on, at most {@code max}; returns the
     * time waited. Interrupted (the application stops): returns at once, the interrupt kept for the caller to see.
     */
    public Duration giveWay(Duration max) {
        if (working.get() == 0 || max.isZero() || max.isNegative()) {
            return Duration.ZERO;
        }
        long start = System.nanoTime();
        long end = start + max.toNanos();
        try {
            while (working.get() > 0 && System.nanoTime() < end) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
