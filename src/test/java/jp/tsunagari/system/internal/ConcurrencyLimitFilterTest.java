package jp.tsunagari.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.tsunagari.system.RequestLoad;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConcurrencyLimitFilterTest {

    static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    @Test
    void aRequestWaitsForATurnAndIsTold503WhenNoneComes() throws Exception {
        RequestLoad load = new RequestLoad();
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, 300, 100, load);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            inside.countDown();
            try {
                leave.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                filter.doFilter(get("/programs"), new MockHttpServletResponse(), slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, java.util.concurrent.Executors.newSingleThreadExecutor());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(filter.working(1)).isEqualTo(1);
        assertThat(load.working()).isEqualTo(1);
        // a job giving way waits while the request works, at most as long as it is allowed
        Duration waited = load.giveWay(Duration.ofMillis(50));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(50));

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        filter.doFilter(get("/programs/1"), refused, notReached);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(notReached.getRequest()).isNull();

        for (String path : new String[] {"/actuator/health/readiness", "/programs.csv", "/admin/export",
                "/assets/css/site.css", "POST /login", "POST /admin/import"}) {
            MockHttpServletResponse passed = new MockHttpServletResponse();
            MockFilterChain reached = new MockFilterChain();
            MockHttpServletRequest request = path.startsWith("POST ") ? get(path.substring(5)) : get(path);
            if (path.startsWith("POST ")) {
                request.setMethod("POST");
            }
            filter.doFilter(request, passed, reached);
            assertThat(reached.getRequest()).as(path).isNotNull();
            assertThat(passed.getStatus()).as(path).isEqualTo(200);
        }

        assertThat(load.working()).as("the refused and the passed-through requests are not counted").isEqualTo(1);
        CompletableFuture<Duration> giving = CompletableFuture.supplyAsync(() -> load.giveWay(Duration.ofSeconds(10)));
        Thread.sleep(30);
        assertThat(giving).as("the job waits while the request works").isNotDone();
        leave.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(filter.working(1)).isZero();
        assertThat(load.working()).isZero();
        assertThat(giving.get(10, TimeUnit.SECONDS)).as("the job goes on as soon as the request ended")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(load.giveWay(Duration.ofSeconds(10))).as("no request: no wait").isZero();
        MockFilterChain next = new MockFilterChain();
        filter.doFilter(get("/programs/1"), new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).isNotNull();
        assertThat(filter.working(1)).isZero();
    }

    @Test
    void whenTheQueueIsFullTheAnswerIs503AtOnce() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, 60_000, 0, new RequestLoad());
        MockFilterChain free = new MockFilterChain();
        filter.doFilter(get("/programs"), new MockHttpServletResponse(), free);
        assertThat(free.getRequest()).as("a free turn is taken even with no room to wait").isNotNull();

        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                filter.doFilter(get("/programs"), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    try {
                        leave.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, java.util.concurrent.Executors.newSingleThreadExecutor());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        long started = System.nanoTime();
        filter.doFilter(get("/programs"), refused, notReached);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(notReached.getRequest()).isNull();
        assertThat(System.nanoTime() - started).as("refused without waiting the minute")
                .isLessThan(TimeUnit.SECONDS.toNanos(30));
        leave.countDown();
        holder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRefusalIsThePlainBusyPageOrItsJsonWrittenByTheFilter() throws Exception {
        MockHttpServletRequest browser = get("/eligibility");
        browser.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        MockHttpServletResponse page = new MockHttpServletResponse();
        ConcurrencyLimitFilter.busy(browser, page);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("<h1>混み合っています</h1>", "The service is busy").doesNotContain("Exception");
        assertThat(page.getContentLength()).isEqualTo(page.getContentAsByteArray().length);

        MockHttpServletRequest api = get("/api/v1/programs");
        api.addHeader("Accept", "application/json");
        MockHttpServletResponse json = new MockHttpServletResponse();
        ConcurrencyLimitFilter.busy(api, json);
        assertThat(json.getContentType()).isEqualTo("application/json");
        assertThat(json.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"status\":503,\"title\":\"混み合っています\",\"detail\":\"");
        api.setCookies(new jakarta.servlet.http.Cookie("catalogue-lang", "en"));
        MockHttpServletResponse english = new MockHttpServletResponse();
        ConcurrencyLimitFilter.busy(api, english);
        assertThat(english.getContentAsString()).contains("\"title\":\"The service is busy\"");

        MockHttpServletRequest head = get("/programs");
        head.setMethod("HEAD");
        MockHttpServletResponse headers = new MockHttpServletResponse();
        ConcurrencyLimitFilter.busy(head, headers);
        assertThat(headers.getStatus()).isEqualTo(503);
        assertThat(headers.getContentAsByteArray()).as("no body for HEAD").isEmpty();
    }

    @Test
    void aTurnIsGivenBackWhenTheRequestFails() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, 100, 100, new RequestLoad());
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("page failed");
        };
        assertThatThrownBy(() -> filter.doFilter(get("/programs"), new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class);
        assertThat(filter.working(1)).isZero();
        MockFilterChain next = new MockFilterChain();
        filter.doFilter(get("/"), new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).isNotNull();
    }
}
