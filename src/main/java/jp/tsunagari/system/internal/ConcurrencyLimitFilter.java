package jp.tsunagari.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code permits} requests work at once; the others wait their turn, first come first served. On 2
 * cores, 16 requests working side by side on 16 threads served half as many pages a second, with a longer tail, as
 * 4 at a time (docs/performance.md, "How many requests at once"). Long streams and the probes pass outside: the bulk
 * downloads (a slow reader must not hold a turn for minutes), the health checks (readiness must answer under load)
 * and static files. A request that waits longer than {@code maxWait} gets 503 with {@code Retry-After}.
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyLimitFilter.class);

    private final Semaphore turns;
    private final long maxWaitMillis;

    public ConcurrencyLimitFilter(int permits, long maxWaitMillis) {
        this.turns = new Semaphore(permits, true);
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.equals("/programs.csv") || path.equals("/programs.json")
                || path.startsWith("/admin/export") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            log.warn("Busy: {} waited {} ms for a turn; answered 503", request.getRequestURI(), maxWaitMillis);
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Requests working now (for tests). */
    int working(int permits) {
        return permits - turns.availablePermits();
    }
}
