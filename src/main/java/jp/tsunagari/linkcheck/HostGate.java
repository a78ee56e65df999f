package jp.tsunagari.linkcheck;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness: waits until at least the configured pause has passed since the last request to the same host (and
 * port). The job sends one request at a time, so this is the whole rate limit. Remembers the most recent hosts only.
 */
final class HostGate {

    private static final int REMEMBERED = 10_000;

    private final long pauseNanos;
    private final Map<String, Long> lastRequest = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    HostGate(Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    /** Sleeps as long as the host needs, then counts this as its latest request. */
    synchronized void await(URI uri) throws InterruptedException {
        String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        Long last = lastRequest.get(host);
        if (last != null) {
            long wait = last + pauseNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        lastRequest.put(host, System.nanoTime());
    }
}
