package jp.tsunagari.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.tsunagari.system.PlainErrorPage;
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
 * <p>
 * A refusal must cost next to nothing, because under overload there are many (OverloadIT: 256 connections on 2 cores,
 * hundreds to over a thousand refusals a second): the filter writes the site's plain busy page itself (both languages
 * on one page, as for the errors Tomcat answers, or the JSON variant for a client that asks for JSON), about 0.1 ms of
 * CPU, instead of an error dispatch through Spring Security to the busy template, which cost 1.4 ms each and took
 * half the CPU from the pages being served; and it logs one WARN line when refusals begin and then at most one every
 * {@link #LOG_EVERY}, with the count, instead of a line per refusal (13,190 lines in 30 s before).
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyLimitFilter.class);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final byte[] BUSY_HTML = PlainErrorPage.html(HttpServletResponse.SC_SERVICE_UNAVAILABLE)
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BUSY_JSON_JA = PlainErrorPage.json(HttpServletResponse.SC_SERVICE_UNAVAILABLE, false)
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BUSY_JSON_EN = PlainErrorPage.json(HttpServletResponse.SC_SERVICE_UNAVAILABLE, true)
            .getBytes(StandardCharsets.UTF_8);
    /** The busy page has no script, style or image: nothing at all may load. */
    private static final String BUSY_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Semaphore turns;
    private final long maxWaitMillis;
    private final int maxQueue;
    private final RequestLoad load;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong nextLog = new AtomicLong(System.nanoTime());

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
            logRefusal(request);
            busy(request, response);
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

    /** 503 with {@code Retry-After} and the busy page (or its JSON variant), written here and now. */
    static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        boolean json = accept != null && accept.contains("json") && !accept.contains("text/html");
        byte[] body = !json ? BUSY_HTML : english(request) ? BUSY_JSON_EN : BUSY_JSON_JA;
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", BUSY_CSP);
        response.setContentType(json ? "application/json" : "text/html;charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /** English when asked for by {@code ?lang=en} or the language cookie (as the site's locale resolver reads it). */
    private static boolean english(HttpServletRequest request) {
        if ("en".equals(request.getParameter("lang"))) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies)
                .anyMatch(c -> "catalogue-lang".equals(c.getName()) && c.getValue().startsWith("en"));
    }

    /** The first refusal at once, then at most one line every {@link #LOG_EVERY} with the count since the last. */
    private void logRefusal(HttpServletRequest request) {
        refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long next = nextLog.get();
        if (now - next >= 0 && nextLog.compareAndSet(next, now + LOG_EVERY.toNanos())) {
            log.warn("Busy: {} page requests answered 503 since the last such line (the latest {}, {} waiting for a turn)",
                    refusedSinceLog.getAndSet(0), request.getRequestURI(), turns.getQueueLength());
        }
    }

    /** Requests working now (for tests). */
    int working(int permits) {
        return permits - turns.availablePermits();
    }
}
