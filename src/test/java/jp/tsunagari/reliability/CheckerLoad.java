package jp.tsunagari.reliability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code connections} clients, each on a virtual thread of its own, sending uncached checker requests
 * ({@code GET /eligibility?…}, every one a different person's answers from {@link EligibilityLoadIT.Answers}, no
 * paging) one after the other without a pause, each the moment the last was answered, until {@code duration} has
 * passed. A 503 is not retried after its {@code Retry-After}: the next request goes at once (the worst client there
 * is). Counts every answer by status, the latencies of the 200s and the 503s, 503s without {@code Retry-After},
 * timeouts ({@link #REQUEST_TIMEOUT}) and I/O errors (connection refused or reset), with samples of what went wrong.
 */
final class CheckerLoad {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** What all the clients saw. */
    record Result(int connections, double seconds, List<Long> okNanos, List<Long> busyNanos, Map<String, Long> other,
                  long busyWithoutRetryAfter, long timeouts, long ioErrors, List<String> samples) {

        long ok() {
            return okNanos.size();
        }

        long busy() {
            return busyNanos.size();
        }

        long others() {
            return other.values().stream().mapToLong(Long::longValue).sum();
        }

        double okPerSecond() {
            return ok() / seconds;
        }

        double busyPerSecond() {
            return busy() / seconds;
        }
    }

    /** What one client saw (each written by its own thread only, read after the join). */
    private static final class Tally {
        final List<Long> okNanos = new ArrayList<>();
        final List<Long> busyNanos = new ArrayList<>();
        final Map<String, Long> other = new HashMap<>();
        long busyWithoutRetryAfter;
        long timeouts;
        long ioErrors;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Tally> tallies = new ArrayList<>();
    private final List<String> samples = new CopyOnWriteArrayList<>();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final int connections;
    private final long start;
    private final long end;

    private CheckerLoad(int connections, Duration duration) {
        this.connections = connections;
        this.start = System.nanoTime();
        this.end = start + duration.toNanos();
    }

    /** Starts the clients on a client of their own (HTTP/1.1, one connection per client at most). */
    static CheckerLoad start(AppProcess app, List<String> places, long seed, int connections, Duration duration) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
        CheckerLoad load = new CheckerLoad(connections, duration);
        for (int c = 0; c < connections; c++) {
            EligibilityLoadIT.Answers answers = new EligibilityLoadIT.Answers(seed * 1_000 + c, places);
            Tally tally = new Tally();
            load.tallies.add(tally);
            load.threads.add(Thread.ofVirtual().name("checker-" + c).start(() -> load.run(client, app, answers, tally)));
        }
        return load;
    }

    /** Sleeps until the clients send no more new requests (those under way still run). */
    void awaitEnd() {
        long left = end - System.nanoTime();
        if (left > 0) {
            AppProcess.sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    /** Waits for the last answers and adds up; the time is that of the load (until no more were sent). */
    Result join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        List<Long> ok = tallies.stream().flatMap(t -> t.okNanos.stream()).sorted().toList();
        List<Long> busy = tallies.stream().flatMap(t -> t.busyNanos.stream()).sorted().toList();
        Map<String, Long> other = new HashMap<>();
        tallies.forEach(t -> t.other.forEach((k, v) -> other.merge(k, v, Long::sum)));
        return new Result(connections, (end - start) / 1e9, ok, busy, other,
                tallies.stream().mapToLong(t -> t.busyWithoutRetryAfter).sum(), tallies.stream().mapToLong(t -> t.timeouts).sum(),
                tallies.stream().mapToLong(t -> t.ioErrors).sum(), List.copyOf(samples));
    }

    private void run(HttpClient client, AppProcess app, EligibilityLoadIT.Answers answers, Tally tally) {
        while (System.nanoTime() < end) {
            String query = query(answers);
            if (!asked.add(query)) {
                continue;   // every request a different person's answers: nothing cached can answer it
            }
            long sent = System.nanoTime();
            try {
                HttpResponse<Void> r = client.send(request(app, query), HttpResponse.BodyHandlers.discarding());
                long took = System.nanoTime() - sent;
                if (r.statusCode() == 200) {
                    tally.okNanos.add(took);
                } else if (r.statusCode() == 503) {
                    tally.busyNanos.add(took);
                    if (r.headers().firstValue("Retry-After").isEmpty()) {
                        tally.busyWithoutRetryAfter++;
                    }
                } else {
                    tally.other.merge("HTTP " + r.statusCode(), 1L, Long::sum);
                    sample("HTTP " + r.statusCode() + " /eligibility?" + query);
                }
            } catch (HttpTimeoutException e) {
                tally.timeouts++;
                sample("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s: /eligibility?" + query);
            } catch (IOException e) {
                tally.ioErrors++;
                sample(e + " after " + (System.nanoTime() - sent) / 1_000_000 + " ms");
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A GET query of the next person's answers (a POST's answers sent as a query too), without a page number. */
    static String query(EligibilityLoadIT.Answers answers) {
        Map<String, String> params = new java.util.LinkedHashMap<>(answers.next().params());
        params.remove("page");
        return new EligibilityLoadIT.Ask(params, false).query();
    }

    static HttpRequest request(AppProcess app, String query) {
        return HttpRequest.newBuilder(app.uri("/eligibility?" + query)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/html").GET().build();
    }

    private void sample(String what) {
        if (samples.size() < 20) {
            samples.add(what);
        }
    }

    /** The p-th percentile in ms of sorted nanoseconds (0 without values). */
    static long percentileMs(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sortedNanos.size() - 1, Math.ceil(p / 100.0 * sortedNanos.size()) - 1);
        return TimeUnit.NANOSECONDS.toMillis(sortedNanos.get(Math.max(0, i)));
    }
}
