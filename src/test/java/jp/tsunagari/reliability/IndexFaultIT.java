package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, item 3: the search index is a cache, never a single point of failure. The packaged app on an H2 file, its
 * index in {@code search-index} under the data folder, damaged for real: the folder deleted while stopped and while
 * running, the largest segment file truncated while stopped and while running. Searches answer the same totals after
 * each, a save made while the index cannot be written is acknowledged and becomes findable, readiness shows DEGRADED
 * and then UP, never a 500. Rows for docs/reliability.md go to {@code target/reliability/faults-index.md}.
 */
class IndexFaultIT {

    private static final List<String> QUERIES = List.of("", "子育て", "交流", "ふるさと");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> rows = new ArrayList<>();
    private double firstStart;

    @Test
    void theIndexIsACacheNeverASinglePointOfFailure() throws Exception {
        Path data = AppProcess.WORK.resolve("index-faults-data-" + System.currentTimeMillis());
        Path index = data.resolve("search-index");
        Path logFile = AppProcess.WORK.resolve("index-faults.log"); // appended to by every run: this run's part only
        long logFrom = Files.exists(logFile) ? Files.size(logFile) : 0;
        long t0 = System.nanoTime();
        AppProcess app = AppProcess.start(AppProcess.Database.h2(data), "index-faults");
        firstStart = seconds(t0);
        try {
            app = deletedWhileStopped(app, index);
            deletedWhileRunning(app, index);
            app = truncatedWhileStopped(app, index);
            truncatedWhileRunning(app, index);
            String log = logSince(app, logFrom);
            assertThat(log).as("no stack trace of a failed search or save").doesNotContain("Unexpected error");
            assertThat(log.lines().filter(l -> l.contains(" ERROR ") && l.contains("IndexRecovery")).count())
                    .as("one ERROR line per fault while running, not one per retry").isEqualTo(2);
        } finally {
            app.stop();
            Files.writeString(AppProcess.WORK.resolve("faults-index.md"), String.join(System.lineSeparator(), rows)
                    + System.lineSeparator(), StandardCharsets.UTF_8);
            rows.forEach(System.out::println);
        }
        String line = "index faults: " + rows.size() + " faults (folder deleted while stopped and while running, a segment"
                + " file truncated while stopped and while running): same search totals after each, 0 saves lost, no 500";
        System.out.println(line);
        Files.writeString(AppProcess.WORK.resolve("index-faults.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private AppProcess deletedWhileStopped(AppProcess app, Path index) throws Exception {
        Map<String, Long> before = totals(app);
        app.stop();
        rm(index);
        long t0 = System.nanoTime();
        AppProcess again = app.restart();
        double ready = seconds(t0);
        assertThat(totals(again)).isEqualTo(before);
        row("index folder deleted while the app is stopped", "`rm -r search-index` between SIGTERM and start",
                "nothing: the start builds a new index from the database", "nothing",
                String.format("ready %.1f s after the start (full build of %d programs; the first start, also a full build: "
                        + "%.1f s), same totals", ready, before.get(""), firstStart));
        return again;
    }

    private void deletedWhileRunning(AppProcess app, Path index) throws Exception {
        Map<String, Long> before = totals(app);
        StaffSession admin = StaffSession.admin(app);
        StaffSession.Form form = admin.editForm(1);
        String token = Edits.newToken();
        Edits.write(form, token);
        Readiness readiness = Readiness.watch(app, http);
        long t0 = System.nanoTime();
        rm(index);
        StaffSession.Answer saved = admin.publish(1, form); // at once: before the files check can notice and rebuild
        assertThat(StaffSession.acknowledged(1, saved)).as("the save is acknowledged: " + saved.status()).isTrue();
        assertThat(totals(app)).as("searches answer meanwhile").isEqualTo(before);
        double findable = awaitFound(app, token, t0);
        double up = readiness.awaitUpAfterDegraded(t0);
        readiness.stop();
        assertThat(readiness.seen()).contains("DEGRADED").doesNotContain("DOWN", "OUT_OF_SERVICE");
        assertThat(Files.isDirectory(index)).as("the folder is made again").isTrue();
        assertThat(totals(app)).isEqualTo(before);
        row("index folder deleted while running", "`rm -r search-index` under the running app, then a staff save",
                "nothing: the save is acknowledged, searches answer from the memory-mapped last index; readiness "
                        + "DEGRADED (200) for a while", "nothing",
                String.format("saved change findable %.1f s after the deletion, readiness UP again after %.1f s", findable, up));
    }

    private AppProcess truncatedWhileStopped(AppProcess app, Path index) throws Exception {
        Map<String, Long> before = totals(app);
        app.stop();
        Path file = truncateLargest(index);
        long logFrom = Files.size(app.log());
        long t0 = System.nanoTime();
        AppProcess again = app.restart();
        double ready = seconds(t0);
        assertThat(totals(again)).isEqualTo(before);
        assertThat(logSince(again, logFrom)).as("the damage found at open").containsPattern("cannot be (opened|read)");
        row("segment file truncated while stopped", "`" + file.getFileName() + "` cut to half its length",
                "nothing: the damage is found at open (footer, checksums), the index rebuilt", "nothing",
                String.format("ready %.1f s after the start (the first start: %.1f s), same totals", ready, firstStart));
        return again;
    }

    private void truncatedWhileRunning(AppProcess app, Path index) throws Exception {
        Map<String, Long> before = totals(app);
        Readiness readiness = Readiness.watch(app, http);
        long t0 = System.nanoTime();
        Path file = truncateLargest(index);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        boolean recovered = false;
        for (int i = 0; !recovered && System.nanoTime() < deadline; i++) {
            // A text of its own each time: no cached result or page answers for the index.
            HttpResponse<String> page = get(app, "/programs?q=" + StaffSession.enc("子育て " + i));
            statuses.merge(page.statusCode(), 1, Integer::sum);
            assertThat(page.statusCode()).as("a search while the index is damaged").isIn(200, 503);
            if (page.statusCode() == 503) {
                assertThat(page.body()).contains("検索を一時的に利用できません").doesNotContain("Exception");
            }
            recovered = readiness.seen().contains("DEGRADED") && readiness.last().equals("UP") && page.statusCode() == 200;
            AppProcess.sleep(100);
        }
        double up = readiness.awaitUpAfterDegraded(t0);
        readiness.stop();
        assertThat(app.alive()).isTrue();
        assertThat(totals(app)).isEqualTo(before);
        row("segment file truncated while running", "`" + file.getFileName() + "` cut to half its length under the "
                        + "memory-mapped index", "searches that read the lost part: the 503 page 「検索を一時的に利用できません」 "
                        + "(never a 500 or a stack trace); readiness DEGRADED (200)", "nothing",
                String.format("found and rebuilt, readiness UP again %.1f s after the damage; search answers %s", up, statuses));
    }

    private double awaitFound(AppProcess app, String token, long t0) throws IOException {
        long deadline = t0 + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (total(app, token) == 1) {
                return seconds(t0);
            }
            AppProcess.sleep(200);
        }
        throw new AssertionError("the saved token " + token + " is not findable 90 s after the deletion");
    }

    private Map<String, Long> totals(AppProcess app) throws IOException {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String q : QUERIES) {
            totals.put(q, total(app, q));
        }
        return totals;
    }

    private long total(AppProcess app, String q) throws IOException {
        HttpResponse<String> r = get(app, "/api/v1/programs?size=1&q=" + StaffSession.enc(q));
        assertThat(r.statusCode()).as("GET /api/v1/programs?q=" + q).isEqualTo(200);
        Matcher m = TOTAL.matcher(r.body());
        assertThat(m.find()).as("a total in " + r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> get(AppProcess app, String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The largest file of the newest build folder (a compound segment file), cut to half its length. */
    static Path truncateLargest(Path index) throws IOException {
        Path folder;
        try (Stream<Path> list = Files.list(index)) {
            folder = list.filter(p -> p.getFileName().toString().startsWith("build-")).max(Comparator.comparingLong(
                    p -> Long.parseLong(p.getFileName().toString().substring(6)))).orElseThrow();
        }
        Path largest;
        try (Stream<Path> list = Files.list(folder)) {
            largest = list.filter(p -> !p.getFileName().toString().startsWith("segments")).max(Comparator.comparingLong(
                    p -> p.toFile().length())).orElseThrow();
        }
        try (FileChannel file = FileChannel.open(largest, StandardOpenOption.WRITE)) {
            file.truncate(file.size() / 2);
        }
        return largest;
    }

    static void rm(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String logSince(AppProcess app, long from) throws IOException {
        byte[] all = Files.readAllBytes(app.log());
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void row(String fault, String how, String sees, String lost, String recovery) {
        rows.add("| " + fault + " | " + how + " | " + sees + " | " + lost + " | " + recovery + " |");
    }
}
