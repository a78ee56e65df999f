package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eligibility checker under load on a large catalogue: {@code eligibility.programs} (5000) synthetic programs
 * generated into a fresh H2 folder (a separate run of the jar with the {@code synthetic} profile that exits, as
 * bench/run.sh does), then the app started as documented ({@code -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError})
 * and {@code eligibility.connections} (64) clients for {@code eligibility.seconds} (60) s, each request a different
 * person's answers ({@code GET /eligibility?…}, about 10 % {@code POST /api/v1/eligibility}), drawn from realistic
 * values by a seeded generator ({@code eligibility.seed}, printed). No answer may be a server error, time out (30 s)
 * or fail to arrive; the process must still run with no OutOfMemoryError in its log, answer {@code /},
 * {@code /programs} and {@code /eligibility} normally afterwards, and every HTML page must stay under
 * {@code eligibility.maxPageKb} (150) KB, the target of the page size. Speed is printed (p50, p99, largest page), not asserted.
 */
class EligibilityLoadIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** After the load: each of these must answer 200 within this time. */
    private static final Duration AFTER_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_REQUESTS = 1_000_000;
    private static final int PLACES = 300;

    private static final String[] SCHOOLS = {"junior-high", "high", "kosen", "junior-college", "university", "graduate",
            "vocational", "professional-university", "prep", "none"};
    /** Weights of {@link #SCHOOLS} among students (university and high school most often). */
    private static final int[] SCHOOL_WEIGHTS = {8, 20, 3, 3, 35, 8, 12, 3, 4, 4};
    private static final Map<String, Integer> GRADES = Map.of("junior-high", 3, "high", 3, "kosen", 5,
            "junior-college", 3, "university", 6, "graduate", 5, "vocational", 4, "professional-university", 4, "prep", 3,
            "none", 0);
    /** Typical age in the first grade. */
    private static final Map<String, Integer> FIRST_AGE = Map.of("junior-high", 12, "high", 15, "kosen", 15,
            "junior-college", 18, "university", 18, "graduate", 22, "vocational", 18, "professional-university", 18,
            "prep", 18, "none", 18);
    private static final String[] CATEGORIES = {"sns", "gifts", "co-creation", "alumni-exchange", "other"};
    private static final String[] REGIONS = {"hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku",
            "kyushu-okinawa"};
    private static final List<String> PREFECTURES = IntStream.rangeClosed(1, 47).mapToObj(i -> String.format("%02d", i)).toList();
    /** The answer fields of the form and of the JSON API (the others are the page's filters and paging). */
    private static final Set<String> ANSWERS = Set.of("age", "hometown", "residence", "familyHome", "school", "grade",
            "applicant", "groupSize", "groupYoung");

    /** One person's request: the parameters in order, sent as a GET query or (answers only) as a JSON POST. */
    record Ask(Map<String, String> params, boolean post) {
        String query() {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + StaffSession.enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }

        String json() {
            return params.entrySet().stream().filter(e -> ANSWERS.contains(e.getKey()))
                    .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(",", "{", "}"));
        }

        boolean paged() {
            return params.containsKey("page") && !params.get("page").equals("1");
        }
    }

    /** Realistic answers: students with valid grades and ages, adults, guardians, groups; real places; filters sometimes. */
    static final class Answers {
        private final Random random;
        private final List<String> municipalities;

        Answers(long seed, List<String> municipalities) {
            this.random = new Random(seed);
            this.municipalities = municipalities;
        }

        Ask next() {
            Map<String, String> p = new LinkedHashMap<>();
            int kind = random.nextInt(100);
            String hometown = chance(80) ? municipality() : chance(50) ? prefecture() : null;
            if (kind < 60) {                                           // a student (or a guardian asking for one)
                String school = weighted(SCHOOLS, SCHOOL_WEIGHTS);
                int grades = GRADES.get(school);
                Integer grade = grades == 0 ? null : 1 + random.nextInt(grades);
                int age = FIRST_AGE.get(school) + (grade == null ? random.nextInt(8) : grade - 1) + (chance(20) ? 1 : 0);
                if (chance(90)) {
                    p.put("age", Integer.toString(age));
                }
                put(p, "hometown", hometown);
                p.put("residence", residence());
                p.put("school", school);
                if (grade != null && chance(90)) {
                    p.put("grade", Integer.toString(grade));
                }
                if (chance(50)) {
                    p.put("familyHome", chance(70) && hometown != null ? hometown : municipality());
                }
                p.put("applicant", age < 18 && chance(40) ? "guardian" : "self");
            } else if (kind < 85) {                                    // an adult out of school
                p.put("age", Integer.toString(19 + random.nextInt(62)));
                put(p, "hometown", hometown);
                p.put("residence", residence());
                if (chance(50)) {
                    p.put("school", "none");
                }
                if (chance(40)) {
                    p.put("familyHome", chance(70) && hometown != null ? hometown : municipality());
                }
                p.put("applicant", chance(80) ? "self" : "guardian");
            } else if (kind < 95) {                                    // a group (club, alumni association, NPO)
                int size = groupSize();
                put(p, "hometown", hometown);
                if (chance(60)) {
                    p.put("residence", residence());
                }
                p.put("applicant", "group");
                p.put("groupSize", Integer.toString(size));
                if (chance(80)) {
                    p.put("groupYoung", Integer.toString(random.nextInt(size + 1)));
                }
            } else {                                                   // one or two answers only
                if (chance(50)) {
                    p.put("age", Integer.toString(random.nextInt(131)));
                }
                p.put("hometown", hometown != null ? hometown : municipality());
                if (chance(30)) {
                    p.put("residence", residence());
                }
            }
            if (chance(10)) {
                return new Ask(p, true);
            }
            int v = random.nextInt(100);
            if (v < 15) {
                p.put("verdict", "not-eligible");
            } else if (v < 25) {
                p.put("verdict", "check");
            } else if (v < 30) {
                p.put("verdict", "eligible");
            }
            if (chance(20)) {
                p.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
            }
            if (chance(10)) {
                p.put("pref", prefecture());
            } else if (chance(5)) {
                p.put("region", REGIONS[random.nextInt(REGIONS.length)]);
            }
            if (chance(30)) {
                p.put("page", Integer.toString(1 + random.nextInt(5)));
            }
            return new Ask(p, false);
        }

        private String residence() {
            int r = random.nextInt(100);
            return r < 50 ? municipality() : r < 90 ? prefecture() : r < 95 ? "13" : "abroad";
        }

        private String municipality() {
            return municipalities.get(random.nextInt(municipalities.size()));
        }

        private String prefecture() {
            return PREFECTURES.get(random.nextInt(PREFECTURES.size()));
        }

        /** 1..10000, mostly small (log-uniform). */
        private int groupSize() {
            return (int) Math.min(10_000, Math.max(1, Math.round(Math.exp(random.nextDouble() * Math.log(10_000)))));
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private String weighted(String[] values, int[] weights) {
            int r = random.nextInt(Arrays.stream(weights).sum());
            for (int i = 0; i < values.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        private static void put(Map<String, String> p, String name, String value) {
            if (value != null) {
                p.put(name, value);
            }
        }
    }

    /** What one client thread saw. */
    private static final class Tally {
        final List<Long> pageNanos = new ArrayList<>();
        final List<Long> apiNanos = new ArrayList<>();
        long maxPage;
        long maxApi;
        long pageBytes;
        long pages;
    }

    @Test
    void checkerUnderLoadStaysUpAndAnswersBoundedPages() throws Exception {
        int programs = Integer.parseInt(property("eligibility.programs", "5000"));
        int seconds = Integer.parseInt(property("eligibility.seconds", "60"));
        int connections = Integer.parseInt(property("eligibility.connections", "64"));
        long maxPageKb = Long.parseLong(property("eligibility.maxPageKb", "150"));
        long seed = Long.parseLong(property("eligibility.seed", Long.toString(System.currentTimeMillis())));
        System.out.println("eligibility: seed " + seed + " (repeat with -Deligibility.seed=" + seed + ")");

        AppProcess.Database db = AppProcess.Database.h2(AppProcess.WORK.resolve("eligibility-h2-data-" + System.currentTimeMillis()));
        // Both logs are appended to: start them afresh, so that an earlier run's OutOfMemoryError is not counted.
        Files.deleteIfExists(AppProcess.WORK.resolve("eligibility-generate.log"));
        Files.deleteIfExists(AppProcess.WORK.resolve("eligibility.log"));
        long t0 = System.nanoTime();
        AppProcess.generate(db, programs, "eligibility-generate", 1800);
        long generated = System.nanoTime();
        AppProcess app = AppProcess.start(db, "eligibility");
        try {
            awaitIndex(app);
            System.out.printf("eligibility: %d programs generated in %d s, app ready with its index %d s later%n", programs,
                    TimeUnit.NANOSECONDS.toSeconds(generated - t0), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - generated));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<String> places = municipalities(client, app, new Random(seed));

            AtomicLong requests = new AtomicLong();
            AtomicLong serverErrors = new AtomicLong();
            AtomicLong clientErrors = new AtomicLong();
            AtomicLong ioErrors = new AtomicLong();
            AtomicLong timeouts = new AtomicLong();
            AtomicLong oversized = new AtomicLong();
            AtomicBoolean died = new AtomicBoolean();
            List<String> failures = new CopyOnWriteArrayList<>();
            Set<String> asked = ConcurrentHashMap.newKeySet();
            List<Tally> tallies = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;

            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Answers answers = new Answers(seed * 1_000 + c, places);
                Tally tally = new Tally();
                tallies.add(tally);
                threads.add(start("checker-" + c, () -> {
                    while (System.nanoTime() < end && !died.get() && requests.get() < MAX_REQUESTS) {
                        Ask ask = answers.next();
                        String key = (ask.post() ? "POST " + ask.json() : "GET " + ask.query());
                        if (!asked.add(key)) {
                            continue;   // every request is a different person's answers
                        }
                        HttpRequest request = ask.post()
                                ? HttpRequest.newBuilder(app.uri("/api/v1/eligibility")).timeout(REQUEST_TIMEOUT)
                                        .header("Content-Type", "application/json").header("Accept", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(ask.json())).build()
                                : HttpRequest.newBuilder(app.uri("/eligibility?" + ask.query())).timeout(REQUEST_TIMEOUT)
                                        .header("Accept", "text/html").GET().build();
                        AtomicLong bytes = new AtomicLong();
                        long sent = System.nanoTime();
                        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request,
                                HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(b -> bytes.addAndGet(b.length))));
                        try {
                            HttpResponse<Void> r = future.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                            long took = System.nanoTime() - sent;
                            requests.incrementAndGet();
                            if (r.statusCode() >= 500) {
                                serverErrors.incrementAndGet();
                                sample(failures, "HTTP " + r.statusCode() + " " + key);
                            } else if (r.statusCode() != 200) {
                                // Every answer is valid: only a page past the last may be refused.
                                if (!ask.paged()) {
                                    clientErrors.incrementAndGet();
                                    sample(failures, "HTTP " + r.statusCode() + " " + key);
                                }
                            } else if (ask.post()) {
                                tally.apiNanos.add(took);
                                tally.maxApi = Math.max(tally.maxApi, bytes.get());
                            } else {
                                tally.pageNanos.add(took);
                                tally.maxPage = Math.max(tally.maxPage, bytes.get());
                                tally.pageBytes += bytes.get();
                                tally.pages++;
                                if (bytes.get() > maxPageKb * 1024) {
                                    oversized.incrementAndGet();
                                }
                            }
                        } catch (TimeoutException e) {
                            future.cancel(true);
                            requests.incrementAndGet();
                            timeouts.incrementAndGet();
                            sample(failures, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s: " + key);
                        } catch (ExecutionException e) {
                            requests.incrementAndGet();
                            ioErrors.incrementAndGet();
                            sample(failures, e.getCause() + " " + key);
                            if (!app.alive()) {
                                died.set(true);
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long ranNanos = System.nanoTime() - start;

            boolean alive = app.alive();
            List<String> oom;
            try (Stream<String> lines = Files.lines(app.log(), StandardCharsets.UTF_8)) {
                // The command line (a "=== " line) names -XX:+ExitOnOutOfMemoryError: only errors count.
                oom = lines.filter(l -> !l.startsWith("=== ") && l.contains("java.lang.OutOfMemoryError")).limit(5).toList();
            }
            List<String> after = new ArrayList<>();
            if (alive) {
                for (String path : List.of("/", "/programs",
                        "/eligibility?age=22&hometown=032018&residence=13&school=university&grade=4&familyHome=032018&applicant=self")) {
                    after.add(afterLoad(client, app, path));
                }
            }

            List<Long> pageNanos = tallies.stream().flatMap(t -> t.pageNanos.stream()).sorted().toList();
            List<Long> apiNanos = tallies.stream().flatMap(t -> t.apiNanos.stream()).sorted().toList();
            long maxPage = tallies.stream().mapToLong(t -> t.maxPage).max().orElse(0);
            long maxApi = tallies.stream().mapToLong(t -> t.maxApi).max().orElse(0);
            long pages = tallies.stream().mapToLong(t -> t.pages).sum();
            long pageBytes = tallies.stream().mapToLong(t -> t.pageBytes).sum();
            String line = String.format("eligibility: %d programs, %d s, %d connections, %,d requests (%.1f/s), %d server errors, "
                            + "%d client errors, %d timeouts, %d I/O errors, max page %,d KB (mean %,d KB), p50 %s p99 %s "
                            + "(pages), API p50 %s p99 %s max %,d KB, %s%s (h2, seed %d)",
                    programs, seconds, connections, requests.get(), requests.get() / (ranNanos / 1e9), serverErrors.get(),
                    clientErrors.get(), timeouts.get(), ioErrors.get(), maxPage / 1024, pages == 0 ? 0 : pageBytes / pages / 1024,
                    percentile(pageNanos, 50), percentile(pageNanos, 99), percentile(apiNanos, 50), percentile(apiNanos, 99),
                    maxApi / 1024, alive ? "process alive" : "PROCESS DIED", oom.isEmpty() ? "" : ", OutOfMemoryError in log",
                    seed);
            System.out.println(line);
            Files.createDirectories(AppProcess.WORK);
            Files.writeString(AppProcess.WORK.resolve("eligibility.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
            if (!failures.isEmpty()) {
                System.out.println("eligibility: failures (first 20): " + failures);
            }
            if (!after.isEmpty()) {
                System.out.println("eligibility: after the load: " + after);
            }

            assertThat(alive).as("the app is still running after the load (log: %s)\n%s", app.log(), alive ? "" : app.logTail()).isTrue();
            assertThat(oom).as("OutOfMemoryError in the app's log %s", app.log()).isEmpty();
            assertThat(serverErrors.get()).as("answers with a status >= 500 (first 20 failures: %s)", failures).isZero();
            assertThat(timeouts.get()).as("requests without an answer within %d s (first 20 failures: %s)",
                    REQUEST_TIMEOUT.toSeconds(), failures).isZero();
            assertThat(ioErrors.get()).as("requests failed with an I/O error (first 20 failures: %s)", failures).isZero();
            assertThat(clientErrors.get()).as("valid answers refused with a 4xx (first 20 failures: %s)", failures).isZero();
            assertThat(after).as("/, /programs and /eligibility after the load").allMatch(a -> a.endsWith(" 200"));
            assertThat(pages).as("eligibility pages answered 200").isPositive();
            assertThat(oversized.get()).as("HTML pages over %d KB (largest %,d KB)", maxPageKb, maxPage / 1024).isZero();
        } finally {
            app.stop();
        }
    }

    /** Waits for the search index built at start-up (the log line), at most as long as the start. */
    static void awaitIndex(AppProcess app) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AppProcess.READY_TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            try (Stream<String> lines = Files.lines(app.log(), StandardCharsets.UTF_8)) {
                if (lines.anyMatch(l -> l.contains("Search index built:"))) {
                    return;
                }
            }
            if (!app.alive()) {
                throw new IllegalStateException("the application exited before its search index was built:\n" + app.logTail());
            }
            AppProcess.sleep(500);
        }
        throw new IllegalStateException("no 'Search index built' in " + app.log() + " after " + AppProcess.READY_TIMEOUT_S + " s");
    }

    /** {@link #PLACES} real municipality codes from the app's own code list, chosen by the seed. */
    static List<String> municipalities(HttpClient client, AppProcess app, Random random) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(app.uri("/api/v1/municipalities")).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("/api/v1/municipalities").isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode m : JsonMapper.builder().build().readTree(r.body())) {
            codes.add(m.get("lgCode").asString());
        }
        assertThat(codes).as("municipality codes").hasSizeGreaterThan(PLACES);
        Collections.shuffle(codes, random);
        return List.copyOf(codes.subList(0, PLACES));
    }

    /** "path status seconds" of one request after the load; status "timeout" or the exception if none came. */
    private static String afterLoad(HttpClient client, AppProcess app, String path) throws InterruptedException {
        long t = System.nanoTime();
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(app.uri(path)).timeout(AFTER_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return String.format("%s in %.2f s: %d", path, (System.nanoTime() - t) / 1e9, r.statusCode());
        } catch (IOException e) {
            return String.format("%s after %.2f s: %s", path, (System.nanoTime() - t) / 1e9, e);
        }
    }

    /** The p-th percentile in ms ("-" without values). */
    private static String percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return "-";
        }
        int i = (int) Math.min(sortedNanos.size() - 1, Math.ceil(p / 100.0 * sortedNanos.size()) - 1);
        return String.format("%.0f ms", sortedNanos.get(Math.max(0, i)) / 1e6);
    }

    private static void sample(List<String> list, String what) {
        if (list.size() < 20) {
            list.add(what);
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() || v.startsWith("${") ? fallback : v;
    }
}
