package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What a visitor, a member of staff and a load balancer see of the application during and after a database outage. */
final class OutageProbe {

    static final String TITLE = "ただいま一時的にご利用いただけません";
    /** A page request never waits longer than this for a database that does not answer (the network timeout is 10 s). */
    static final long WORST_MS = 15_000;
    /** Once the outage is known, pages that need the database answer at once. */
    static final long KNOWN_MS = 1_000;
    /** Readiness says DOWN within this of the fault: it reads the probe's last look (every 1 s, at most 2 s each). */
    static final long READINESS_MS = 6_000;
    private static final AtomicInteger QUERY = new AtomicInteger();

    record Answer(int status, String body, String cacheHeader, String retryAfter, long millis) {
    }

    /** Seen while the database was away. */
    record During(long firstUncachedMs, int firstUncachedStatus, long knownMaxMs, long readinessDownMs,
                  long cachedMs, Document savePage, String token) {
        String row(String fault, String injected, After after) {
            return "| " + fault + " | " + injected + " | cached pages 200 (" + cachedMs + " ms); pages that need the "
                    + "database 503 with `Retry-After` (first " + firstUncachedMs + " ms, then ≤ " + knownMaxMs
                    + " ms); readiness DOWN " + readinessDownMs + " ms after the fault; a staff save: 503 page holding "
                    + "everything typed | nothing: the save sent again from the 503 page acknowledged, every earlier save "
                    + "intact | readiness UP " + after.readyMs() + " ms after the database was back; pool idle "
                    + "(`hikaricp_connections_active` 0); no restart |";
        }
    }

    record After(long readyMs, long downSeconds, String token) {
    }

    private final AppProcess app;
    private final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OutageProbe(AppProcess app) {
        this.app = app;
    }

    /** Visits the home page until it comes from the page cache (a save just before empties the cache). */
    void warmCachedPage() throws Exception {
        for (int i = 0; i < 20; i++) {
            Answer page = get("/");
            assertThat(page.status()).isEqualTo(200);
            if ("hit".equals(page.cacheHeader())) {
                return;
            }
            AppProcess.sleep(250);
        }
        throw new AssertionError("the home page never came from the page cache");
    }

    String acknowledgedSave(StaffSession staff, long id) throws IOException {
        StaffSession.Form form = formWithNewToken(staff, id);
        StaffSession.Answer answer = staff.publish(id, form);
        assertThat(StaffSession.acknowledged(id, answer)).as("save of program " + id + ": " + answer.status()).isTrue();
        return form.get("summary").map(Edits::tokens).orElseThrow().iterator().next();
    }

    StaffSession.Form formWithNewToken(StaffSession staff, long id) throws IOException {
        return Edits.write(staff.editForm(id), Edits.newToken()).set("action", "publish");
    }

    /** Looks right after the fault was injected (readiness watched meanwhile from the start). */
    During during(StaffSession staff, StaffSession.Form form, long id) throws Exception {
        java.util.concurrent.CompletableFuture<Long> readinessDown = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> awaitReadiness(503, 40_000), java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        Answer first = get("/programs?q=outage" + QUERY.incrementAndGet());
        assertThat(first.millis()).as("the first page needing the database").isLessThan(WORST_MS);
        assertThat(first.status()).isEqualTo(503);
        long readiness = readinessDown.get();
        assertThat(readiness).as("readiness DOWN after the fault (probe every 1 s, each at most 2 s)").isLessThan(READINESS_MS);
        long knownMax = 0;
        for (int i = 0; i < 5; i++) {
            Answer page = get("/programs?q=outage" + QUERY.incrementAndGet());
            assertOutagePage(page);
            knownMax = Math.max(knownMax, page.millis());
        }
        assertThat(knownMax).as("pages needing the database once the outage is known").isLessThan(KNOWN_MS);
        Answer api = get("/api/v1/programs?q=outage" + QUERY.incrementAndGet());
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.body()).contains("\"status\":503").doesNotContain("Exception");
        Answer cached = get("/");
        assertThat(cached.status()).as("a cached public page").isEqualTo(200);
        assertThat(cached.cacheHeader()).isEqualTo("hit");

        String token = form.get("summary").map(Edits::tokens).orElseThrow().iterator().next();
        StaffSession.Answer save = staff.post(form.action(), form);
        assertThat(save.status()).as("a staff save while the database is away").isEqualTo(503);
        Document page = save.document();
        assertThat(page.select("h1").text()).isEqualTo(TITLE);
        assertThat(page.select("textarea[readonly]").eachText()).anySatisfy(t -> assertThat(t).contains(token));
        assertThat(page.select("form input[name=summary]").val()).contains(token);
        return new During(first.millis(), first.status(), knownMax, readiness, cached.millis(), page, token);
    }

    /** Waits for readiness once the database is back, sends the save again from the 503 page, checks it. */
    After after(StaffSession staff, During during, long id, long faultStartedNanos) throws Exception {
        long downSeconds = (System.nanoTime() - faultStartedNanos) / 1_000_000_000;
        long ready = awaitReadiness(200, 60_000);
        StaffSession.Form again = StaffSession.Form.of(during.savePage(), "/admin/programs/" + id);
        StaffSession.Answer resent = staff.post(again.action(), again);
        assertThat(StaffSession.acknowledged(id, resent)).as("the save sent again: " + resent.status()).isTrue();
        assertThat(Edits.tokenOf(staff.editForm(id), id)).isEqualTo(during.token());
        assertThat(get("/programs?q=outage" + QUERY.incrementAndGet()).status()).isEqualTo(200);
        return new After(ready, downSeconds, during.token());
    }

    /** No connection left in use or waited for (Hikari's gauges on the Prometheus endpoint, this machine only). */
    void assertPoolIdle() throws Exception {
        String metrics = get("/actuator/prometheus").body();
        assertThat(gauge(metrics, "hikaricp_connections_active")).isZero();
        assertThat(gauge(metrics, "hikaricp_connections_pending")).isZero();
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in the metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private void assertOutagePage(Answer page) {
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.retryAfter()).isNotNull();
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo(TITLE);
        assertThat(page.body()).doesNotContain("Exception", "at org.", "SQL");
    }

    /** Milliseconds until readiness answers {@code status} (counted to the end of that answer). */
    private long awaitReadiness(int status, long timeoutMs) {
        long start = System.nanoTime();
        while (true) {
            Answer readiness;
            try {
                readiness = get("/actuator/health/readiness");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (readiness.status() == status) {
                return waited;
            }
            assertThat(waited).as("readiness " + status + ", last: " + readiness.status() + " " + readiness.body())
                    .isLessThan(timeoutMs);
            AppProcess.sleep(100);
        }
    }

    Answer get(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", path.startsWith("/api/") ? "application/json"
                        : path.startsWith("/actuator/") ? "*/*" : "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-Page-Cache").orElse(null),
                r.headers().firstValue("Retry-After").orElse(null), (System.nanoTime() - start) / 1_000_000);
    }
}
