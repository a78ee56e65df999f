package jp.tsunagari.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.tsunagari.system.RequestLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code permits} page requests (GET and HEAD) work at once; the others wait their turn, first come
 * first served. On 2 cores, 16 requests working side by side on 16 threads served half as many pages a second, with
 * a longer tail, as 4 at a time (docs/performance.md, "How many requests at once"). Outside the turns: other methods
 * (a form or an upload sent slowly must not hold a turn while its body arrives), the bulk downloads (a slow reader
 * must not hold one for minutes), the health checks (readiness must answer under load) and static files. A request
 * that waits longer than {@code maxWait}, or finds {@code maxQueue} already waiting (so that the container keeps
 * threads for the probes), gets 503 with {@code Retry-After}. The requests working are counted in {@link RequestLoad}
 * (background jobs give way to them).
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyLimitFilter.class);

    private final Semaphore turns;
    private final long maxWaitMillis;
    private final int maxQueue;
    private final RequestLoad load;

    public ConcurrencyLimitFilter(int permits, long maxWaitMillis, int maxQueue, RequestLoad load) {
        this.turns = new Semaphore(permits, true);
        this.maxWaitMillis = maxWaitMillis;
        this.maxQueue = maxQueue;
        this.load = load;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.startsWith("/programs.csv") || path.startsWith("/programs.json")
                || path.startsWith("/admin/export") || path.startsWith("/assets/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired = false;
        try {
            acquired = turns.tryAcquire(0, TimeUnit.MILLISECONDS) // a free turn, unless others wait for one
                    || turns.getQueueLength() < maxQueue && turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!acquired) {
            log.warn("Busy: no turn for {} ({} waiting); answered 503", request.getRequestURI(), turns.getQueueLength());
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        load.started();
        try {
            chain.doFilter(request, response);
        } finally {
            load.finished();
            turns.release();
        }
    }

    /** Requests working now (for tests). */
    int working(int permits) {
        return permits - turns.availablePermits();
    }
}
