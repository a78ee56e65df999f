package jp.tsunagari.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, 300);
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
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(filter.working(1)).isEqualTo(1);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        filter.doFilter(get("/programs/1"), refused, notReached);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(notReached.getRequest()).isNull();

        for (String path : new String[] {"/actuator/health/readiness", "/programs.csv", "/admin/export", "/css/site.css"}) {
            MockHttpServletResponse passed = new MockHttpServletResponse();
            MockFilterChain reached = new MockFilterChain();
            filter.doFilter(get(path), passed, reached);
            assertThat(reached.getRequest()).as(path).isNotNull();
            assertThat(passed.getStatus()).as(path).isEqualTo(200);
        }

        leave.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(filter.working(1)).isZero();
        MockFilterChain next = new MockFilterChain();
        filter.doFilter(get("/programs/1"), new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).isNotNull();
        assertThat(filter.working(1)).isZero();
    }

    @Test
    void aTurnIsGivenBackWhenTheRequestFails() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, 100);
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("page failed");
        };
        try {
            filter.doFilter(get("/programs"), new MockHttpServletResponse(), failing);
        } catch (IllegalStateException expected) {
            // the error page is rendered by the container
        }
        assertThat(filter.working(1)).isZero();
        MockFilterChain next = new MockFilterChain();
        filter.doFilter(get("/"), new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).isNotNull();
    }
}
