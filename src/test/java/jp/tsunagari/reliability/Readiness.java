package jp.tsunagari.reliability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readiness status of an app, asked every 100 ms on a thread of its own: every status word seen, in order, with
 * when it was seen, so a test can tell whether a state (DEGRADED) came and when it ended.
 */
final class Readiness {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private record Seen(long nanos, String status) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private Thread thread;

    static Readiness watch(AppProcess app, HttpClient http) {
        Readiness r = new Readiness();
        r.thread = new Thread(() -> {
            while (!r.stopped) {
                r.seen.add(new Seen(System.nanoTime(), ask(app, http)));
                AppProcess.sleep(100);
            }
        }, "readiness-watch");
        r.thread.setDaemon(true);
        r.thread.start();
        return r;
    }

    private static String ask(AppProcess app, HttpClient http) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(app.uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = STATUS.matcher(r.body());
            return (m.find() ? m.group(1) : "?") + (r.statusCode() == 200 ? "" : "/" + r.statusCode());
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "INTERRUPTED";
        }
    }

    /** The distinct statuses seen, in the order first seen. */
    List<String> seen() {
        return seen.stream().map(Seen::status).distinct().toList();
    }

    String last() {
        return seen.isEmpty() ? "" : seen.get(seen.size() - 1).status();
    }

    /**
     * Waits (at most 90 s) until DEGRADED was seen and UP is seen after it; returns the seconds from {@code t0} to that
     * first UP.
     */
    double awaitUpAfterDegraded(long t0) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean degraded = false;
            for (Seen s : seen) {
                degraded |= s.status().equals("DEGRADED");
                if (degraded && s.status().equals("UP")) {
                    return (s.nanos() - t0) / 1e9;
                }
            }
            AppProcess.sleep(100);
        }
        throw new AssertionError("readiness did not go DEGRADED and back UP within 90 s: " + seen());
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }
}
